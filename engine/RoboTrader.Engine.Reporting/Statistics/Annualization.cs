namespace RoboTrader.Engine.Reporting.Statistics;

/// <summary>
/// The report's annualization convention: a year is 252 trading days of 6.5 hours (US equities' regular session), so
/// a year holds <c>252 × 6.5 h / Δ</c> periods of the equity sample interval Δ (98,280 one-minute periods).
/// </summary>
public static class Annualization
{
    /// <summary>Trading days per year.</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>Trading hours per day.</summary>
    public const double TradingHoursPerDay = 6.5;

    /// <summary>Seconds of trading per year: 252 × 6.5 × 3600 = 5,896,800.</summary>
    public const double TradingSecondsPerYear = TradingDaysPerYear * TradingHoursPerDay * 3600;

    /// <summary>Periods of <paramref name="intervalSeconds"/> in a trading year.</summary>
    public static double PeriodsPerYear(double intervalSeconds) => TradingSecondsPerYear / intervalSeconds;
}
