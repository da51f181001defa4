using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;
using static RoboTrader.Engine.Tests.Execution.Intents;

namespace RoboTrader.Engine.Tests.Execution;

public sealed class QuoteFillModelTests
{
    private static ExecutionOptions Options => new(default) { FillModel = FillModel.Quote, InitialCash = Money.Zero };

    [Fact]
    public void Market_FillsAtTheAskUpToItsSize_RemainderOnLaterQuotes()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "9.99", 500, "10", 500, Market(Side.Buy, 300));
        x.Trade(1, "10");                       // trades do not fill in this model
        x.Quote(2, "9.99", 500, "10.01", 100);  // 100 @ 10.01
        x.Quote(3, "9.99", 500, "10.02", 150);  // 150 @ 10.02
        x.Quote(4, "9.99", 500, "10.03", 900);  // the last 50 @ 10.03

        Assert.Equal([(2L, 100L, "10.01"), (3L, 150L, "10.02"), (4L, 50L, "10.03")], x.Fills.Select(f => (f.Sequence, f.Quantity.Raw / FixedPoint.Scale, f.Price.ToString())));
        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled, OrderStatus.Filled], x.History(1));
        Assert.Equal([Q(100), Q(250), Q(300)], x.EventsOf(1).Skip(2).Select(e => e.Filled));
    }

    [Fact]
    public void Sell_FillsAtTheBid()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "9.99", 500, "10", 500, Market(Side.Sell, 200));
        x.Quote(1, "9.98", 500, "10", 500);

        var fill = Assert.Single(x.Fills);
        Assert.Equal(("9.98", Q(200), Q(-200)), (fill.Price.ToString(), fill.Quantity, fill.PositionAfter));
    }

    [Fact]
    public void LimitBuy_FillsOnlyWhileAskAtOrBelowLimit_AtTheAsk()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.02", 100, Limit(Side.Buy, 100, "10.01"));
        x.Quote(1, "10", 100, "10.02", 100);   // ask above the limit
        x.Quote(2, "9.99", 100, "10.00", 100); // ask 10.00 ≤ 10.01: fills at the ask

        Assert.Equal((2L, "10"), (Assert.Single(x.Fills).Sequence, x.Fills[0].Price.ToString()));
    }

    [Fact]
    public void TwoOrders_ShareTheQuotedSize_OldestFirst()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.01", 100, Market(Side.Buy, 80));
        x.Quote(1, "10", 100, "10.01", 100, Market(Side.Buy, 80)); // order 1 takes 80 of 100; order 2 is not live yet
        x.Quote(2, "10", 100, "10.01", 100);                        // a new quote: order 2 takes 80

        Assert.Equal([(1L, 1L, 80L), (2L, 2L, 80L)], x.Fills.Select(f => (f.Sequence, f.OrderId.Value, f.Quantity.Raw / FixedPoint.Scale)));
    }

    [Fact]
    public void TwoOrders_OnOneQuote_SplitItsSize()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.01", 100, Market(Side.Buy, 80));
        x.Trade(1, "10", Market(Side.Buy, 80));
        x.Quote(2, "10", 100, "10.01", 100);    // 80 to order 1, 20 to order 2
        x.Quote(3, "10", 100, "10.01", 100);    // the other 60 of order 2

        Assert.Equal([(2L, 1L, 80L), (2L, 2L, 20L), (3L, 2L, 60L)], x.Fills.Select(f => (f.Sequence, f.OrderId.Value, f.Quantity.Raw / FixedPoint.Scale)));
    }

    [Fact]
    public void Ioc_FillsWhatTheQuoteOffers_RemainderExpires()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.01", 100, Market(Side.Buy, 300, TimeInForce.Ioc));
        x.Quote(1, "10", 100, "10.01", 120);
        x.Quote(2, "10", 100, "10.01", 500);

        var fill = Assert.Single(x.Fills);
        Assert.Equal(Q(120), fill.Quantity);
        var last = x.EventsOf(1)[^1];
        Assert.Equal((OrderStatus.Expired, ErrorCode.ExecutionIocRemainder, Q(120), Quantity.Zero), (last.Status, last.Reason, last.Filled, last.Leaves));
    }

    [Fact]
    public void Fok_WithoutTheFullSize_ExpiresUnfilled_WithItFillsInFull()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.01", 100, Market(Side.Buy, 300, TimeInForce.Fok));
        x.Quote(1, "10", 100, "10.01", 299, Market(Side.Buy, 300, TimeInForce.Fok)); // order 1: 299 < 300 → expired
        x.Quote(2, "10", 100, "10.01", 300);                                          // order 2: 300 → filled

        Assert.Equal((OrderStatus.Expired, ErrorCode.ExecutionFokUnfilled), (x.EventsOf(1)[^1].Status, x.EventsOf(1)[^1].Reason));
        var fill = Assert.Single(x.Fills);
        Assert.Equal((2L, Q(300)), (fill.OrderId.Value, fill.Quantity));
    }

    [Fact]
    public void Stop_TriggeredByATradeThroughIt_FillsOnTheNextQuote()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.01", 100, Stop(Side.Sell, 100, "9.90"));
        x.Quote(1, "9.80", 100, "9.81", 100);  // quotes do not trigger
        x.Trade(2, "9.90");                    // a touch does not trigger
        x.Trade(3, "9.89");                    // through: armed
        x.Quote(4, "9.85", 100, "9.86", 100);  // sells at the bid

        var fill = Assert.Single(x.Fills);
        Assert.Equal((4L, "9.85", P("9.90")), (fill.Sequence, fill.Price.ToString(), fill.StopPrice));
    }

    [Fact]
    public void QuoteWithoutAskSide_DoesNotFillBuys()
    {
        var x = new ExchangeHarness(Options);
        x.Quote(0, "10", 100, "10.01", 100, Market(Side.Buy, 100));
        var e = new Core.Market.MarketEvent
        {
            Kind = Core.Market.MarketEventKind.Quote,
            TimeNanos = Ms(1),
            Bid = P("10"),
            BidSize = Q(100),
            Flags = Core.Market.MarketEventFlags.NoAsk,
        };
        x.Run(e, default);

        Assert.Empty(x.Fills);
    }
}
