using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>One row of trades.csv: one fill. Decimals are exact, as written by the engine.</summary>
/// <param name="Line">1-based line in trades.csv (for error messages).</param>
/// <param name="Sequence">Ring sequence of the input that filled the order.</param>
/// <param name="TimeNanos">Event time, UTC nanoseconds since the Unix epoch.</param>
/// <param name="Symbol">Ticker.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Filled quantity (positive).</param>
/// <param name="Price">Fill price.</param>
/// <param name="Fee">Fee charged for this fill.</param>
/// <param name="OrderId">Client order id.</param>
/// <param name="OrderType">Order type as written (market, limit, ...).</param>
/// <param name="LimitPrice">Limit price, when the order has one.</param>
/// <param name="StopPrice">Stop price, when the order has one.</param>
/// <param name="Position">The symbol's signed position after the fill.</param>
/// <param name="RealizedPnl">PnL this fill realized, before fees (0 for an opening fill).</param>
public sealed record TradeRecord(
    long Line,
    long Sequence,
    long TimeNanos,
    string Symbol,
    Side Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    string OrderId,
    string OrderType,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal Position,
    decimal RealizedPnl)
{
    /// <summary>The signed quantity: positive for a buy, negative for a sell.</summary>
    public decimal SignedQuantity => Side == Side.Buy ? Quantity : -Quantity;

    /// <summary>The position before this fill.</summary>
    public decimal PositionBefore => Position - SignedQuantity;

    /// <summary>Traded notional, |quantity × price|.</summary>
    public decimal Notional => Math.Abs(Quantity * Price);

    /// <summary>
    /// True when the fill reduces (or closes, or flips) an open position: the position before it is nonzero and the
    /// fill is on the opposite side. Win rate and profit factor count these fills.
    /// </summary>
    public bool IsClosing => PositionBefore != 0 && Math.Sign(PositionBefore) != Math.Sign(SignedQuantity);
}
