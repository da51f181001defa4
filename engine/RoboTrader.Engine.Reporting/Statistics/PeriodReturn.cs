namespace RoboTrader.Engine.Reporting.Statistics;

/// <summary>The return of one calendar period (a UTC day, month or year) of the equity curve.</summary>
/// <param name="Year">The period's year.</param>
/// <param name="Month">Its month (1–12), or 0 for a year.</param>
/// <param name="Day">Its day of month, or 0 for a month or a year.</param>
/// <param name="StartEquity">The base: the last sample of the previous period, or the first sample for the first period.</param>
/// <param name="EndEquity">The last sample in the period.</param>
/// <param name="Return">EndEquity / StartEquity − 1; null when StartEquity ≤ 0.</param>
public sealed record PeriodReturn(int Year, int Month, int Day, decimal StartEquity, decimal EndEquity, double? Return)
{
    /// <summary>EndEquity − StartEquity, exact.</summary>
    public decimal Pnl => EndEquity - StartEquity;
}
