using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>
/// One recorded order transition (or amendment): written into the slot by execute, persisted by persist to
/// <c>orders.csv</c> and the ledger. Carries the order as it is after the transition.
/// </summary>
public struct OrderEvent
{
    /// <summary>Ring sequence of the event on which the transition happened.</summary>
    public long Sequence;

    /// <summary>Event time of that event (ns since the Unix epoch, UTC).</summary>
    public long TimeNanos;

    /// <summary>The order.</summary>
    public ClientOrderId OrderId;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Order type.</summary>
    public OrderType Type;

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce;

    /// <summary>The status after the transition (unchanged for an amendment, whose reason is <see cref="ErrorCode.ExecutionAmended"/>).</summary>
    public OrderStatus Status;

    /// <summary>Why (<see cref="ErrorCode.None"/> for ordinary transitions).</summary>
    public ErrorCode Reason;

    /// <summary>The order's total quantity.</summary>
    public Quantity Quantity;

    /// <summary>Filled so far.</summary>
    public Quantity Filled;

    /// <summary>Limit price (limit and stop-limit orders).</summary>
    public Price LimitPrice;

    /// <summary>Stop price (stop and stop-limit orders).</summary>
    public Price StopPrice;

    /// <summary>How many of the slot's fills precede this transition (persist interleaves them in this order).</summary>
    public int FillsBefore;

    /// <summary>Quantity still open.</summary>
    public readonly Quantity Leaves => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled ? Quantity - Filled : Quantity.Zero;

    /// <summary>The event for <paramref name="order"/> as it is now.</summary>
    public static OrderEvent Of(in Order order, long sequence, long timeNanos, int fillsBefore) => new()
    {
        Sequence = sequence,
        TimeNanos = timeNanos,
        OrderId = order.Id,
        Symbol = order.Symbol,
        Side = order.Side,
        Type = order.Type,
        TimeInForce = order.TimeInForce,
        Status = order.Status,
        Reason = order.Reason,
        Quantity = order.Quantity,
        Filled = order.Filled,
        LimitPrice = order.LimitPrice,
        StopPrice = order.StopPrice,
        FillsBefore = fillsBefore,
    };
}
