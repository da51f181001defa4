using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>An order owned by the execute stage.</summary>
/// <remarks>
/// The status is private: it changes only through <see cref="TransitionTo"/> (checked against
/// <see cref="OrderStateMachine"/>) and <see cref="RecordFill"/>, so an illegal transition cannot be written.
/// WARNING: the struct is checkpointed as its memory layout; it must stay unmanaged.
/// </remarks>
public struct Order
{
    private OrderStatus _status;

    /// <summary>Deterministic client order id.</summary>
    public ClientOrderId Id;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Order type.</summary>
    public OrderType Type;

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce;

    /// <summary>True once a stop or stop-limit order's stop has been traded through (it then works as a market or limit order).</summary>
    public bool Triggered;

    /// <summary>Total quantity, positive (a bracket exit grows with its entry's fills; an OCO leg shrinks with its sibling's).</summary>
    public Quantity Quantity;

    /// <summary>Quantity filled so far.</summary>
    public Quantity Filled;

    /// <summary>Limit price (limit and stop-limit orders).</summary>
    public Price LimitPrice;

    /// <summary>Stop (trigger) price (stop and stop-limit orders).</summary>
    public Price StopPrice;

    /// <summary>Bracket entry: the take-profit price of its exits (zero: not a bracket entry).</summary>
    public Price TakeProfitPrice;

    /// <summary>Bracket entry: the stop-loss price of its exits.</summary>
    public Price StopLossPrice;

    /// <summary>The other leg of an OCO pair (none when the order is not in one).</summary>
    public ClientOrderId OcoId;

    /// <summary>A bracket exit's entry (none otherwise).</summary>
    public ClientOrderId ParentId;

    /// <summary>A bracket entry's current take-profit exit (none before its first fill).</summary>
    public ClientOrderId TakeProfitId;

    /// <summary>A bracket entry's current stop-loss exit (none before its first fill).</summary>
    public ClientOrderId StopLossId;

    /// <summary>Ring sequence of the event on which the order was submitted.</summary>
    public long SubmittedSequence;

    /// <summary>Event time of submission (ns since the Unix epoch, UTC).</summary>
    public long SubmittedTimeNanos;

    /// <summary>The order can trade only on events at or after this time: submission time + the venue's latency.</summary>
    public long LiveFromNanos;

    /// <summary>A DAY order expires on the first event at or after this time (its session's close); 0 for other orders.</summary>
    public long ExpiresAtNanos;

    /// <summary>Why the order reached its last state (<see cref="ErrorCode.None"/> for ordinary transitions).</summary>
    public ErrorCode Reason;

    /// <summary>Life-cycle state.</summary>
    public readonly OrderStatus Status => _status;

    /// <summary>True while the order can trade (Accepted or PartiallyFilled).</summary>
    public readonly bool IsWorking => OrderStateMachine.IsWorking(_status);

    /// <summary>Quantity still open: <see cref="Quantity"/> − <see cref="Filled"/>.</summary>
    public readonly Quantity Leaves => Quantity - Filled;

    /// <summary>Signed quantity: positive to buy, negative to sell.</summary>
    public readonly Quantity Signed => Side == Side.Sell ? -Quantity : Quantity;

    /// <summary>True for a stop or stop-limit order.</summary>
    public readonly bool IsStop => Type is OrderType.Stop or OrderType.StopLimit;

    /// <summary>True when the order is a bracket entry (its fills release exits).</summary>
    public readonly bool IsBracketEntry => !TakeProfitPrice.IsZero && !StopLossPrice.IsZero;

    /// <summary>True when the order, as it works now, has a limit: a limit order or a stop-limit order.</summary>
    public readonly bool HasLimit => Type is OrderType.Limit or OrderType.StopLimit;

    /// <summary>Moves the order to <paramref name="next"/> with <paramref name="reason"/>.</summary>
    /// <exception cref="InvalidOperationException">The transition is not legal (a bug in the caller).</exception>
    public void TransitionTo(OrderStatus next, ErrorCode reason = ErrorCode.None)
    {
        if (!OrderStateMachine.IsLegal(_status, next))
        {
            ThrowIllegal(_status, next);
        }

        _status = next;
        Reason = reason;
    }

    /// <summary>Adds a fill of <paramref name="quantity"/> (0 &lt; quantity ≤ leaves): PartiallyFilled, or Filled when nothing is left.</summary>
    /// <exception cref="InvalidOperationException">The order is not working or the quantity is outside (0, leaves].</exception>
    public void RecordFill(Quantity quantity)
    {
        if (quantity.Raw <= 0 || quantity > Leaves)
        {
            throw new InvalidOperationException($"a fill of {quantity} does not fit order {Id} with {Leaves} open");
        }

        var next = quantity == Leaves ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        TransitionTo(next);
        Filled += quantity;
    }

    /// <summary>Changes the total quantity of a working order (not below what has filled, and leaving something open).</summary>
    /// <exception cref="InvalidOperationException">The order is not working or the quantity would leave nothing open.</exception>
    public void Amend(Quantity quantity)
    {
        if (!IsWorking || quantity <= Filled)
        {
            throw new InvalidOperationException($"order {Id} ({_status}, {Filled} filled) cannot be amended to {quantity}");
        }

        Quantity = quantity;
        Reason = ErrorCode.ExecutionAmended;
    }

    private static void ThrowIllegal(OrderStatus from, OrderStatus to)
        => throw new InvalidOperationException($"illegal order transition {from} → {to}");
}
