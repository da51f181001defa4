using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Execution;

/// <summary>The fill models: which events fill a symbol's working orders, at what price and for how much.</summary>
/// <remarks>
/// Each loop visits the orders that were in the book when the event arrived, oldest first (orders it creates, such as
/// bracket exits, are appended and not live on this event). WARNING: a fill may append orders and move the book's
/// array, so no <c>ref</c> to an order is used after <see cref="Fill"/>.
/// </remarks>
public sealed partial class ExecuteStage
{
    private void Match(PipelineSlot slot, long sequence, Portfolio.SymbolBook book)
    {
        ref var e = ref slot.Market;
        switch (_model)
        {
            case FillModel.NextTick when e.IsTradePrint:
                MatchPrint(slot, sequence, book, e.Kind == MarketEventKind.TradeBar ? e.Open : e.Price);
                break;
            case FillModel.Quote when e.IsTradePrint:
                TriggerStops(sequence, e.TimeNanos, book, e.Kind == MarketEventKind.TradeBar ? e.High : e.Price, e.Kind == MarketEventKind.TradeBar ? e.Low : e.Price);
                break;
            case FillModel.Quote when e.Kind is MarketEventKind.Quote or MarketEventKind.QuoteBar:
                MatchQuote(slot, sequence, book);
                break;
            case FillModel.Bar when e.Kind == MarketEventKind.TradeBar:
                MatchBar(slot, sequence, book, stops: true);
                MatchBar(slot, sequence, book, stops: false);
                break;
        }
    }

    /// <summary>True when <paramref name="order"/> can trade on this event.</summary>
    private static bool Live(in Order order, long sequence, long time)
        => order.IsWorking && order.SubmittedSequence < sequence && time >= order.LiveFromNanos;

    /// <summary>True when the market traded through a <paramref name="side"/> stop at <paramref name="stop"/>: strictly above it for a buy, strictly below for a sell.</summary>
    private static bool Through(Side side, Price high, Price low, Price stop) => side == Side.Buy ? high > stop : low < stop;

    /// <summary>True when a <paramref name="side"/> limit at <paramref name="limit"/> accepts <paramref name="price"/>.</summary>
    private static bool WithinLimit(Side side, Price price, Price limit) => side == Side.Buy ? price <= limit : price >= limit;

    /// <summary>next-tick: every live order trades at the print <paramref name="price"/> in full (a limit only when the print is at its limit or better).</summary>
    private void MatchPrint(PipelineSlot slot, long sequence, Portfolio.SymbolBook book, Price price)
    {
        var time = slot.Market.TimeNanos;
        var count = book.WorkingCount;
        for (var i = 0; i < count; i++)
        {
            ref var order = ref book.WorkingAt(i);
            if (!Live(in order, sequence, time))
            {
                continue;
            }

            if (order.IsStop && !order.Triggered)
            {
                if (!Through(order.Side, price, price, order.StopPrice))
                {
                    continue;
                }

                order.Triggered = true;
            }

            if (order.HasLimit && !WithinLimit(order.Side, price, order.LimitPrice))
            {
                ExpireOnArrival(slot, sequence, time, ref order);
                continue;
            }

            Fill(slot, sequence, book, i, order.Leaves, price);
        }
    }

    /// <summary>quote model, on a trade print: arms the stops it trades through (they fill on later quotes).</summary>
    private static void TriggerStops(long sequence, long time, Portfolio.SymbolBook book, Price high, Price low)
    {
        for (var i = 0; i < book.WorkingCount; i++)
        {
            ref var order = ref book.WorkingAt(i);
            if (order.IsStop && !order.Triggered && Live(in order, sequence, time) && Through(order.Side, high, low, order.StopPrice))
            {
                order.Triggered = true;
            }
        }
    }

    /// <summary>quote model: buys take the ask, sells the bid, sharing the quoted size in order of submission.</summary>
    private void MatchQuote(PipelineSlot slot, long sequence, Portfolio.SymbolBook book)
    {
        ref var e = ref slot.Market;
        var time = e.TimeNanos;
        var askLeft = (e.Flags & MarketEventFlags.NoAsk) != 0 || e.Ask.Raw <= 0 ? 0 : e.AskSize.Raw;
        var bidLeft = (e.Flags & MarketEventFlags.NoBid) != 0 || e.Bid.Raw <= 0 ? 0 : e.BidSize.Raw;
        var count = book.WorkingCount;
        for (var i = 0; i < count; i++)
        {
            ref var order = ref book.WorkingAt(i);
            if (!Live(in order, sequence, time) || (order.IsStop && !order.Triggered))
            {
                continue;
            }

            var buy = order.Side == Side.Buy;
            var price = buy ? e.Ask : e.Bid;
            var available = buy ? askLeft : bidLeft;
            if (available <= 0 || (order.HasLimit && !WithinLimit(order.Side, price, order.LimitPrice)))
            {
                ExpireOnArrival(slot, sequence, time, ref order);
                continue;
            }

            var quantity = new Quantity(Math.Min(order.Leaves.Raw, available));
            if (order.TimeInForce == TimeInForce.Fok && quantity < order.Leaves)
            {
                ExpireOnArrival(slot, sequence, time, ref order);
                continue;
            }

            if (buy)
            {
                askLeft -= quantity.Raw;
            }
            else
            {
                bidLeft -= quantity.Raw;
            }

            var ioc = order.TimeInForce == TimeInForce.Ioc;
            Fill(slot, sequence, book, i, quantity, price);
            if (ioc)
            {
                ExpireOnArrival(slot, sequence, time, ref book.WorkingAt(i));
            }
        }
    }

    /// <summary>
    /// bar model, one pass: stops (<paramref name="stops"/>) or the other orders. Stops go first, so when both legs of an
    /// OCO pair could fill in one bar, the stop fills and the other leg is reduced or cancelled: the conservative assumption.
    /// </summary>
    private void MatchBar(PipelineSlot slot, long sequence, Portfolio.SymbolBook book, bool stops)
    {
        ref var e = ref slot.Market;
        var time = e.TimeNanos;
        var count = book.WorkingCount;
        for (var i = 0; i < count; i++)
        {
            ref var order = ref book.WorkingAt(i);
            if (order.IsStop != stops || !Live(in order, sequence, time))
            {
                continue;
            }

            var buy = order.Side == Side.Buy;
            var price = e.Open;
            var triggeredNow = false;
            if (order.IsStop && !order.Triggered)
            {
                if (!Through(order.Side, e.High, e.Low, order.StopPrice))
                {
                    continue;
                }

                order.Triggered = triggeredNow = true;
                price = buy ? Max(e.Open, order.StopPrice) : Min(e.Open, order.StopPrice); // a gap through the stop fills at the open
            }

            if (order.HasLimit)
            {
                if (triggeredNow)
                {
                    if (!WithinLimit(order.Side, price, order.LimitPrice))
                    {
                        ExpireOnArrival(slot, sequence, time, ref order);
                        continue;
                    }
                }
                else if (buy ? e.Low > order.LimitPrice : e.High < order.LimitPrice)
                {
                    ExpireOnArrival(slot, sequence, time, ref order);
                    continue;
                }
                else
                {
                    price = buy ? Min(e.Open, order.LimitPrice) : Max(e.Open, order.LimitPrice); // at the open when it is better
                }
            }

            Fill(slot, sequence, book, i, order.Leaves, price);
        }
    }

    private static Price Max(Price a, Price b) => a >= b ? a : b;

    private static Price Min(Price a, Price b) => a <= b ? a : b;

    /// <summary>An IOC or FOK order that could not (fully) fill at its arrival expires; other orders keep working.</summary>
    private void ExpireOnArrival(PipelineSlot slot, long sequence, long time, ref Order order)
    {
        if (!order.IsWorking || order.TimeInForce is not (TimeInForce.Ioc or TimeInForce.Fok))
        {
            return;
        }

        order.TransitionTo(OrderStatus.Expired, order.TimeInForce == TimeInForce.Fok ? ErrorCode.ExecutionFokUnfilled : ErrorCode.ExecutionIocRemainder);
        Record(slot, sequence, time, in order);
        Expired++;
    }
}
