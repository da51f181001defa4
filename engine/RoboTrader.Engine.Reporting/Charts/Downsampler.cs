namespace RoboTrader.Engine.Reporting.Charts;

/// <summary>
/// Picks at most about <c>maxPoints</c> samples of a long series for drawing, deterministically, keeping its shape:
/// the series is cut into <c>maxPoints / 2</c> equal runs of indices and each run contributes its lowest and highest
/// sample (in index order), so every local and the global extremes survive; the first and last samples always do.
/// </summary>
public static class Downsampler
{
    /// <summary>The indices to draw, ascending: all of them when there are at most <paramref name="maxPoints"/>.</summary>
    public static int[] MinMax(IReadOnlyList<double> values, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        var n = values.Count;
        if (n <= maxPoints)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var buckets = (maxPoints - 2) / 2;
        var picked = new List<int>(maxPoints) { 0 };
        for (var b = 0; b < buckets; b++)
        {
            // Runs over 1..n-2 (the ends are always kept); integer bounds, so the split is exact and deterministic.
            var lo = 1 + (int)((long)b * (n - 2) / buckets);
            var hi = 1 + (int)((long)(b + 1) * (n - 2) / buckets);
            if (lo >= hi)
            {
                continue;
            }

            int min = lo, max = lo;
            for (var i = lo + 1; i < hi; i++)
            {
                if (values[i] < values[min])
                {
                    min = i;
                }

                if (values[i] > values[max])
                {
                    max = i;
                }
            }

            picked.Add(Math.Min(min, max));
            if (max != min)
            {
                picked.Add(Math.Max(min, max));
            }
        }

        picked.Add(n - 1);
        return [.. picked];
    }
}
