namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>One row of equity.csv: the portfolio at one sample time (exact decimals).</summary>
/// <param name="TimeNanos">Event time of the sample, UTC nanoseconds since the Unix epoch.</param>
/// <param name="Equity">Cash plus the marked value of every position.</param>
/// <param name="Cash">Cash.</param>
/// <param name="GrossExposure">Sum of |position × mark| over the symbols.</param>
/// <param name="NetExposure">Sum of position × mark over the symbols.</param>
/// <param name="RealizedPnl">Realized PnL so far (before fees).</param>
/// <param name="UnrealizedPnl">Unrealized PnL at the sample.</param>
/// <param name="Fees">Fees paid so far.</param>
public readonly record struct EquitySample(
    long TimeNanos,
    decimal Equity,
    decimal Cash,
    decimal GrossExposure,
    decimal NetExposure,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal Fees);
