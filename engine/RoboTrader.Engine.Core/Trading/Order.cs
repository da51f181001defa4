using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>An order owned by the execute stage.</summary>
public struct Order
{
    /// <summary>Deterministic client order id.</summary>
    public ClientOrderId Id;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Order type.</summary>
    public OrderType Type;

    /// <summary>Life-cycle state.</summary>
    public OrderStatus Status;

    /// <summary>Quantity, positive.</summary>
    public Quantity Quantity;

    /// <summary>Limit price (limit orders).</summary>
    public Price LimitPrice;

    /// <summary>Ring sequence of the event on which the order was submitted.</summary>
    public long SubmittedSequence;

    /// <summary>Event time of submission (ns since the Unix epoch, UTC).</summary>
    public long SubmittedTimeNanos;

    /// <summary>Signed quantity: positive to buy, negative to sell.</summary>
    public readonly Quantity Signed => Side == Side.Sell ? -Quantity : Quantity;
}
