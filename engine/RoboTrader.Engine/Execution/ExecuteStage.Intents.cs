using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Execution;

/// <summary>The intents: new orders, cancels and replaces, and the venue's checks of a new order.</summary>
public sealed partial class ExecuteStage
{
    private void Execute(PipelineSlot slot, long sequence)
    {
        ref var intent = ref slot.Intent;
        if ((uint)intent.Symbol.Value >= (uint)_portfolio.SymbolCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), intent.Symbol.Value, "an intent names a symbol the run does not have");
        }

        var book = _portfolio.Book(intent.Symbol);
        var time = slot.Market.TimeNanos;
        switch (intent.Action)
        {
            case OrderAction.New:
                Submit(slot, sequence, time, book, in intent, -1);
                break;
            case OrderAction.Cancel:
                var index = WorkingIndex(book, in intent);
                if (index < 0)
                {
                    UnknownTargets++;
                    return;
                }

                ref var order = ref book.WorkingAt(index);
                order.TransitionTo(OrderStatus.Cancelled, ErrorCode.ExecutionCancelRequested);
                Record(slot, sequence, time, in order);
                Cancelled++;
                break;
            case OrderAction.Replace:
                var target = WorkingIndex(book, in intent);
                if (target < 0)
                {
                    UnknownTargets++;
                    return;
                }

                Submit(slot, sequence, time, book, in intent, target);
                break;
            default:
                UnknownTargets++;
                return;
        }

        book.Settle();
    }

    /// <summary>The index of the intent's target when it is a working order of the intent's symbol and side; −1 otherwise.</summary>
    private static int WorkingIndex(Portfolio.SymbolBook book, in OrderIntent intent)
    {
        var index = intent.Target.IsValid ? book.IndexOf(intent.Target) : -1;
        return index >= 0 && book.WorkingAt(index).IsWorking && book.WorkingAt(index).Side == intent.Side ? index : -1;
    }

    /// <summary>
    /// Creates an order from <paramref name="intent"/> (New, then Accepted or Rejected). With <paramref name="replacing"/>
    /// ≥ 0 it replaces that working order: the replacement inherits its OCO link, bracket exits and parent (and its
    /// bracket prices unless the intent sets others), and the target is cancelled only once the replacement is accepted.
    /// </summary>
    private void Submit(PipelineSlot slot, long sequence, long time, Portfolio.SymbolBook book, in OrderIntent intent, int replacing)
    {
        var hasLimit = intent.Type is OrderType.Limit or OrderType.StopLimit;
        var isStop = intent.Type is OrderType.Stop or OrderType.StopLimit;
        var order = new Order
        {
            Id = new ClientOrderId(++_lastOrderId),
            Symbol = intent.Symbol,
            Side = intent.Side,
            Type = intent.Type,
            TimeInForce = intent.TimeInForce,
            Quantity = intent.Quantity,
            LimitPrice = hasLimit ? intent.LimitPrice : default,
            StopPrice = isStop ? intent.StopPrice : default,
            TakeProfitPrice = intent.TakeProfitPrice,
            StopLossPrice = intent.StopLossPrice,
            OcoId = intent.OcoWith,
            SubmittedSequence = sequence,
            SubmittedTimeNanos = time,
            LiveFromNanos = time + _latencyNanos,
        };
        if (replacing >= 0)
        {
            ref readonly var old = ref book.WorkingAt(replacing);
            order.OcoId = old.OcoId;
            order.ParentId = old.ParentId;
            order.TakeProfitId = old.TakeProfitId;
            order.StopLossId = old.StopLossId;
            if (order.TakeProfitPrice.IsZero && order.StopLossPrice.IsZero)
            {
                order.TakeProfitPrice = old.TakeProfitPrice;
                order.StopLossPrice = old.StopLossPrice;
            }
        }

        slot.OrderId = order.Id;
        Record(slot, sequence, time, in order);
        var reason = Check(in order, book, replacing);
        if (reason != ErrorCode.None)
        {
            order.TransitionTo(OrderStatus.Rejected, reason);
            Record(slot, sequence, time, in order);
            Rejected++;
            return;
        }

        if (order.TimeInForce == TimeInForce.Day)
        {
            order.ExpiresAtNanos = _calendar.CloseAfter(time);
            _nextExpiryNanos = Math.Min(_nextExpiryNanos, order.ExpiresAtNanos);
        }

        if (replacing >= 0)
        {
            ref var old = ref book.WorkingAt(replacing);
            old.TransitionTo(OrderStatus.Cancelled, ErrorCode.ExecutionReplaced);
            Record(slot, sequence, time, in old);
            Cancelled++;
            Relink(book, old.Id, order.Id, old.ParentId);
        }

        order.TransitionTo(OrderStatus.Accepted);
        Record(slot, sequence, time, in order);
        var id = order.Id;
        var oco = order.OcoId;
        book.AddWorking(in order);
        if (oco.IsValid && book.IndexOf(oco) is var sibling and >= 0)
        {
            book.WorkingAt(sibling).OcoId = id;
        }

        _orderLatency?.Record(StopwatchNanos.Since(slot.ReceiveTimestamp));
    }

    /// <summary>Points a replaced order's bracket entry at its replacement.</summary>
    private static void Relink(Portfolio.SymbolBook book, ClientOrderId old, ClientOrderId replacement, ClientOrderId parent)
    {
        if (!parent.IsValid || book.IndexOf(parent) is not (var p and >= 0))
        {
            return;
        }

        ref var entry = ref book.WorkingAt(p);
        if (entry.TakeProfitId == old)
        {
            entry.TakeProfitId = replacement;
        }

        if (entry.StopLossId == old)
        {
            entry.StopLossId = replacement;
        }
    }

    /// <summary>The venue's checks of a new order; <see cref="ErrorCode.None"/> when it is accepted.</summary>
    private static ErrorCode Check(in Order order, Portfolio.SymbolBook book, int replacing)
    {
        if (order.Side is not (Side.Buy or Side.Sell) || !Enum.IsDefined(order.Type) || !Enum.IsDefined(order.TimeInForce) || order.Quantity.Raw <= 0)
        {
            return ErrorCode.ExecutionOrderInvalid;
        }

        if ((order.HasLimit && order.LimitPrice.Raw <= 0) || (order.IsStop && order.StopPrice.Raw <= 0))
        {
            return ErrorCode.ExecutionOrderInvalid;
        }

        var hasTakeProfit = !order.TakeProfitPrice.IsZero;
        if (hasTakeProfit != !order.StopLossPrice.IsZero)
        {
            return ErrorCode.ExecutionOrderInvalid; // a bracket needs both exits
        }

        if (hasTakeProfit && !BracketInOrder(in order))
        {
            return ErrorCode.ExecutionOrderInvalid;
        }

        if (order.OcoId.IsValid)
        {
            if (replacing >= 0)
            {
                return ErrorCode.None; // inherited from the order it replaces
            }

            var sibling = book.IndexOf(order.OcoId);
            if (hasTakeProfit || sibling < 0 || !book.WorkingAt(sibling).IsWorking || book.WorkingAt(sibling).OcoId.IsValid)
            {
                return ErrorCode.ExecutionOrderInvalid;
            }
        }

        return ErrorCode.None;
    }

    /// <summary>A buy bracket needs stop-loss &lt; (limit, stop) &lt; take-profit; a sell bracket the reverse. All prices positive.</summary>
    private static bool BracketInOrder(in Order order)
    {
        var low = order.Side == Side.Buy ? order.StopLossPrice : order.TakeProfitPrice;
        var high = order.Side == Side.Buy ? order.TakeProfitPrice : order.StopLossPrice;
        if (low.Raw <= 0 || low >= high)
        {
            return false;
        }

        return (!order.HasLimit || (low < order.LimitPrice && order.LimitPrice < high))
            && (!order.IsStop || (low < order.StopPrice && order.StopPrice < high));
    }
}
