using RoboTrader.Engine.Reporting.Inputs;

namespace RoboTrader.Engine.Reporting.Statistics;

/// <summary>
/// Drawdowns of the equity curve: every stretch below a previous peak (the running maximum), from the last sample at
/// that peak to the first sample back at or above it (or to the end). The max drawdown is the deepest, measured as a
/// fraction of the peak when every sample is positive, else (a run without starting capital) in money.
/// </summary>
internal static class Drawdowns
{
    private const double NanosPerSecond = 1e9;

    /// <summary>Adds the drawdown figures of <paramref name="samples"/> (at least one) to <paramref name="stats"/>.</summary>
    public static ReportStatistics With(ReportStatistics stats, IReadOnlyList<EquitySample> samples)
    {
        var fractions = samples.All(s => s.Equity > 0);
        var peak = samples[0].Equity;
        var peakTime = samples[0].TimeNanos;
        var maxDepth = 0.0;
        var maxAmount = 0m;
        long maxPeak = peakTime, maxTrough = peakTime;
        var maxEpisodePeak = -1L;
        long? maxRecovery = null;
        var longest = 0L;
        var underwater = false;
        foreach (var s in samples)
        {
            if (s.Equity >= peak)
            {
                if (underwater)
                {
                    longest = Math.Max(longest, s.TimeNanos - peakTime);
                    if (maxEpisodePeak == peakTime && maxRecovery is null)
                    {
                        maxRecovery = s.TimeNanos;
                    }
                }

                underwater = false;
                peak = s.Equity;
                peakTime = s.TimeNanos;
                continue;
            }

            underwater = true;
            maxAmount = Math.Max(maxAmount, peak - s.Equity);
            var depth = fractions ? 1 - (double)(s.Equity / peak) : (double)(peak - s.Equity);
            if (depth > maxDepth)
            {
                maxDepth = depth;
                maxPeak = peakTime;
                maxTrough = s.TimeNanos;
                if (maxEpisodePeak != peakTime)
                {
                    maxEpisodePeak = peakTime;
                    maxRecovery = null;
                }
            }
        }

        var end = samples[^1].TimeNanos;
        if (underwater)
        {
            longest = Math.Max(longest, end - peakTime);
        }

        var none = maxDepth == 0;
        return stats with
        {
            MaxDrawdown = fractions ? maxDepth : null,
            MaxDrawdownAmount = maxAmount,
            MaxDrawdownPeak = none ? null : maxPeak,
            MaxDrawdownTrough = none ? null : maxTrough,
            MaxDrawdownRecovery = none ? null : maxRecovery,
            MaxDrawdownDurationSeconds = (none ? 0 : (maxRecovery ?? end) - maxPeak) / NanosPerSecond,
            LongestDrawdownSeconds = longest / NanosPerSecond,
        };
    }
}
