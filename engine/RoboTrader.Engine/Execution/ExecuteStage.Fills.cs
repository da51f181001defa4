using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Execution;

/// <summary>A fill and what follows from it: the position, the OCO sibling, a bracket entry's exits.</summary>
public sealed partial class ExecuteStage
{
    /// <summary>Fills <paramref name="quantity"/> of the order at <paramref name="index"/> at the model's <paramref name="market"/> price.</summary>
    private void Fill(PipelineSlot slot, long sequence, Portfolio.SymbolBook book, int index, Quantity quantity, Price market)
    {
        var time = slot.Market.TimeNanos;
        ref var order = ref book.WorkingAt(index);
        var price = _costs.Execution(order.Side, market, order.HasLimit, order.LimitPrice);
        var fee = _costs.Fee(quantity, price);
        var realizedBefore = book.Position.RealizedPnl;
        book.Apply(order.Side == Side.Sell ? -quantity : quantity, price, fee);
        slot.AddFill(new Fill
        {
            Sequence = sequence,
            TimeNanos = time,
            OrderId = order.Id,
            Symbol = order.Symbol,
            Side = order.Side,
            Quantity = quantity,
            Price = price,
            Fee = fee,
            OrderType = order.Type,
            LimitPrice = order.LimitPrice,
            StopPrice = order.StopPrice,
            PositionAfter = book.Position.Quantity,
            RealizedPnl = book.Position.RealizedPnl - realizedBefore,
        });
        Fills++;
        order.RecordFill(quantity);
        Record(slot, sequence, time, in order);

        var id = order.Id;
        var sibling = order.OcoId;
        var entry = order.IsBracketEntry;
        if (sibling.IsValid)
        {
            ReduceSibling(slot, sequence, time, book, sibling, quantity);
        }

        if (entry)
        {
            GrowExits(slot, sequence, time, book, id, quantity);
        }
    }

    /// <summary>An OCO leg filled <paramref name="quantity"/>: its sibling shrinks by as much, or is cancelled when nothing is left open.</summary>
    private void ReduceSibling(PipelineSlot slot, long sequence, long time, Portfolio.SymbolBook book, ClientOrderId siblingId, Quantity quantity)
    {
        var index = book.IndexOf(siblingId);
        if (index < 0 || !book.WorkingAt(index).IsWorking)
        {
            return;
        }

        ref var sibling = ref book.WorkingAt(index);
        var remaining = sibling.Quantity - quantity;
        if (remaining <= sibling.Filled)
        {
            sibling.TransitionTo(OrderStatus.Cancelled, ErrorCode.ExecutionOcoCancelled);
            Cancelled++;
        }
        else
        {
            sibling.Amend(remaining);
        }

        Record(slot, sequence, time, in sibling);
    }

    /// <summary>
    /// A bracket entry filled <paramref name="quantity"/>: its exits grow by as much while both still work; otherwise a
    /// new pair is created for it, the take-profit (a GTC limit) first, then the stop-loss (a GTC stop), one cancelling the other.
    /// </summary>
    private void GrowExits(PipelineSlot slot, long sequence, long time, Portfolio.SymbolBook book, ClientOrderId entryId, Quantity quantity)
    {
        var entryIndex = book.IndexOf(entryId);
        ref var entry = ref book.WorkingAt(entryIndex);
        var takeProfit = entry.TakeProfitId.IsValid ? book.IndexOf(entry.TakeProfitId) : -1;
        var stopLoss = entry.StopLossId.IsValid ? book.IndexOf(entry.StopLossId) : -1;
        if (takeProfit >= 0 && stopLoss >= 0 && book.WorkingAt(takeProfit).IsWorking && book.WorkingAt(stopLoss).IsWorking)
        {
            foreach (var exit in (ReadOnlySpan<int>)[takeProfit, stopLoss])
            {
                ref var order = ref book.WorkingAt(exit);
                order.Amend(order.Quantity + quantity);
                Record(slot, sequence, time, in order);
            }

            return;
        }

        var exitSide = entry.Side == Side.Buy ? Side.Sell : Side.Buy;
        var takeProfitOrder = new Order
        {
            Id = new ClientOrderId(++_lastOrderId),
            Symbol = entry.Symbol,
            Side = exitSide,
            Type = OrderType.Limit,
            TimeInForce = TimeInForce.Gtc,
            Quantity = quantity,
            LimitPrice = entry.TakeProfitPrice,
            ParentId = entryId,
            SubmittedSequence = sequence,
            SubmittedTimeNanos = time,
            LiveFromNanos = time + _latencyNanos,
        };
        var stopLossOrder = takeProfitOrder;
        stopLossOrder.Id = new ClientOrderId(++_lastOrderId);
        stopLossOrder.Type = OrderType.Stop;
        stopLossOrder.LimitPrice = default;
        stopLossOrder.StopPrice = entry.StopLossPrice;
        takeProfitOrder.OcoId = stopLossOrder.Id;
        stopLossOrder.OcoId = takeProfitOrder.Id;
        entry.TakeProfitId = takeProfitOrder.Id;
        entry.StopLossId = stopLossOrder.Id;
        Accept(slot, sequence, time, book, ref takeProfitOrder);
        Accept(slot, sequence, time, book, ref stopLossOrder);
    }

    /// <summary>Records a new order's New and Accepted transitions and adds it to the book (this may move the book's array).</summary>
    private static void Accept(PipelineSlot slot, long sequence, long time, Portfolio.SymbolBook book, ref Order order)
    {
        Record(slot, sequence, time, in order);
        order.TransitionTo(OrderStatus.Accepted);
        Record(slot, sequence, time, in order);
        book.AddWorking(in order);
    }
}
