using RoboTrader.Engine.Reporting.Inputs;

namespace RoboTrader.Engine.Reporting.Statistics;

/// <summary>
/// Daily, monthly and yearly returns of the equity curve, by UTC calendar date of the samples: a period's return is its
/// last sample over the previous period's last sample (over the first sample for the first period), minus 1.
/// </summary>
public static class PeriodReturns
{
    /// <summary>One entry per UTC day that has samples, in time order.</summary>
    public static List<PeriodReturn> Daily(IReadOnlyList<EquitySample> samples) => Group(samples, d => (d.Year, d.Month, d.Day));

    /// <summary>One entry per UTC month that has samples (Day = 0), in time order.</summary>
    public static List<PeriodReturn> Monthly(IReadOnlyList<EquitySample> samples) => Group(samples, d => (d.Year, d.Month, 0));

    /// <summary>One entry per UTC year that has samples (Month = Day = 0), in time order.</summary>
    public static List<PeriodReturn> Yearly(IReadOnlyList<EquitySample> samples) => Group(samples, d => (d.Year, 0, 0));

    private static List<PeriodReturn> Group(IReadOnlyList<EquitySample> samples, Func<DateTime, (int Year, int Month, int Day)> key)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var periods = new List<PeriodReturn>();
        if (samples.Count == 0)
        {
            return periods;
        }

        var baseEquity = samples[0].Equity;
        var current = key(ToDate(samples[0].TimeNanos));
        for (var i = 0; i < samples.Count; i++)
        {
            var next = i + 1 < samples.Count ? key(ToDate(samples[i + 1].TimeNanos)) : default;
            if (i + 1 < samples.Count && next == current)
            {
                continue;
            }

            var end = samples[i].Equity;
            periods.Add(new PeriodReturn(current.Year, current.Month, current.Day, baseEquity, end, baseEquity > 0 ? (double)(end / baseEquity) - 1 : null));
            baseEquity = end;
            current = next;
        }

        return periods;
    }

    private static DateTime ToDate(long utcNanos) => DateTime.UnixEpoch.AddTicks(utcNanos / 100);
}
