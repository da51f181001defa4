using System.Numerics;
using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Diagnostics;

/// <summary>
/// A log-linear histogram of non-negative values (nanoseconds, typically): exact below 128, then 64 buckets per power
/// of two, so every recorded value is known to within 1/64 (1.6%) up to 2^63. Fixed size, allocation-free recording.
/// </summary>
/// <remarks>Not thread-safe: record from one thread, read after that thread is done (or merge per-thread histograms).</remarks>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;        // 64 per magnitude
    private const int LinearLimit = 2 * SubBuckets;           // values below 128 are exact
    private const int BucketCount = ((63 - SubBucketBits) * SubBuckets) + LinearLimit;

    private readonly long[] _counts = new long[BucketCount];
    private long _total;
    private long _max;
    private long _min = long.MaxValue;

    /// <summary>Values recorded.</summary>
    public long Count => _total;

    /// <summary>Largest value recorded (exact).</summary>
    public long Max => _max;

    /// <summary>Smallest value recorded (exact), or 0 when empty.</summary>
    public long Min => _total == 0 ? 0 : _min;

    /// <summary>Records <paramref name="value"/> (negative values count as 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(long value)
    {
        if (value < 0)
        {
            value = 0;
        }

        _counts[IndexOf(value)]++;
        _total++;
        if (value > _max)
        {
            _max = value;
        }

        if (value < _min)
        {
            _min = value;
        }
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _total += other._total;
        _max = Math.Max(_max, other._max);
        _min = Math.Min(_min, other._min);
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _total = 0;
        _max = 0;
        _min = long.MaxValue;
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0–100]: the upper bound of the bucket holding that rank (so never an
    /// underestimate), capped at <see cref="Max"/>. 0 when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (percentile is <= 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile is in (0, 100]");
        }

        if (_total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percentile / 100.0 * _total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(HighestEquivalentValue(i), _max);
            }
        }

        return _max;
    }

    /// <summary>The bucket of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexOf(long value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        return ((shift + 1) * SubBuckets) + (int)(value >> shift) - SubBuckets;
    }

    /// <summary>The largest value that falls in bucket <paramref name="index"/>.</summary>
    internal static long HighestEquivalentValue(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var shift = (index / SubBuckets) - 1;
        var sub = (long)(index % SubBuckets) + SubBuckets;
        return ((sub + 1) << shift) - 1;
    }
}
