using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>An execution: written into the slot by execute, persisted by persist.</summary>
public struct Fill
{
    /// <summary>Ring sequence of the event that produced the fill.</summary>
    public long Sequence;

    /// <summary>Event time of the fill (ns since the Unix epoch, UTC).</summary>
    public long TimeNanos;

    /// <summary>The order filled.</summary>
    public ClientOrderId OrderId;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Filled quantity, positive.</summary>
    public Quantity Quantity;

    /// <summary>Fill price.</summary>
    public Price Price;

    /// <summary>Fee charged.</summary>
    public Money Fee;

    /// <summary>The filled order's type.</summary>
    public OrderType OrderType;

    /// <summary>The filled order's limit price (limit and stop-limit orders; zero otherwise).</summary>
    public Price LimitPrice;

    /// <summary>The filled order's stop price (stop and stop-limit orders; zero otherwise).</summary>
    public Price StopPrice;

    /// <summary>The symbol's signed position after the fill.</summary>
    public Quantity PositionAfter;

    /// <summary>PnL this fill realized (by average cost, before fees).</summary>
    public Money RealizedPnl;
}
