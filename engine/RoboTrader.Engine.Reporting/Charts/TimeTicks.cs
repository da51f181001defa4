using System.Globalization;

namespace RoboTrader.Engine.Reporting.Charts;

/// <summary>
/// Time-axis ticks for a chart whose x axis is the sample order: the smallest calendar step (1 minute … 1 year, UTC)
/// whose boundaries between consecutive samples number at most the target; a tick sits at the first sample after
/// each boundary (and at the first sample), labelled with the time (with the date where the day changes) or the date,
/// month or year.
/// </summary>
public static class TimeTicks
{
    private const long Minute = 60, Hour = 3600, Day = 86_400;
    private const long MonthStep = -1, QuarterStep = -3, YearStep = -12;

    private static readonly long[] s_steps =
        [Minute, 5 * Minute, 15 * Minute, 30 * Minute, Hour, 2 * Hour, 3 * Hour, 6 * Hour, 12 * Hour, Day, 2 * Day, 7 * Day, MonthStep, QuarterStep, YearStep];

    /// <summary>The ticks (sample index, label) for samples at <paramref name="utcNanos"/> (non-decreasing).</summary>
    public static List<(int Index, string Label)> For(IReadOnlyList<long> utcNanos, int maxTicks = 8)
    {
        ArgumentNullException.ThrowIfNull(utcNanos);
        var ticks = new List<(int, string)>();
        if (utcNanos.Count == 0)
        {
            return ticks;
        }

        foreach (var step in s_steps)
        {
            var boundaries = Boundaries(utcNanos, step, maxTicks + 1);
            if (boundaries.Count <= maxTicks || step == YearStep)
            {
                var stride = Math.Max(1, (boundaries.Count + maxTicks - 1) / maxTicks);
                string? previousDate = null;
                ticks.Add((0, Label(ToDate(utcNanos[0]), step, ref previousDate))); // the start is always labelled
                for (var k = 0; k < boundaries.Count; k += stride)
                {
                    var t = ToDate(utcNanos[boundaries[k]]);
                    ticks.Add((boundaries[k], Label(t, step, ref previousDate)));
                }

                return ticks;
            }
        }

        return ticks;
    }

    private static List<int> Boundaries(IReadOnlyList<long> utcNanos, long step, int stopAfter)
    {
        var boundaries = new List<int>();
        var previous = Bucket(utcNanos[0], step);
        for (var i = 1; i < utcNanos.Count; i++)
        {
            var bucket = Bucket(utcNanos[i], step);
            if (bucket != previous)
            {
                boundaries.Add(i);
                if (boundaries.Count >= stopAfter && step != YearStep)
                {
                    return boundaries; // too many already: this step is too fine
                }
            }

            previous = bucket;
        }

        return boundaries;
    }

    private static long Bucket(long utcNanos, long step)
    {
        if (step == 7 * Day)
        {
            return ((utcNanos / 1_000_000_000 / Day) + 3) / 7; // weeks start on Monday (1970-01-01 was a Thursday)
        }

        if (step > 0)
        {
            return utcNanos / 1_000_000_000 / step;
        }

        var t = ToDate(utcNanos);
        var months = ((long)t.Year * 12) + t.Month - 1;
        return months / -step;
    }

    private static string Label(DateTime t, long step, ref string? previousDate)
    {
        var c = CultureInfo.InvariantCulture;
        if (step is > 0 and < Day)
        {
            var date = t.ToString("yyyy-MM-dd", c);
            var label = date == previousDate ? t.ToString("HH:mm", c) : t.ToString("MM-dd HH:mm", c);
            previousDate = date;
            return label;
        }

        return step switch
        {
            > 0 => t.ToString("yyyy-MM-dd", c),
            MonthStep or QuarterStep => t.ToString("yyyy-MM", c),
            _ => t.ToString("yyyy", c),
        };
    }

    private static DateTime ToDate(long utcNanos) => DateTime.UnixEpoch.AddTicks(utcNanos / 100);
}
