using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// The last N prices of one symbol with their exact sum S and sum of squares Q (raw fixed point, in
/// <see cref="Int128"/>), kept incrementally: each new price is added and the one leaving the window subtracted, so
/// the sums are exact integers at every step (no drift, nothing to re-sum) and the window costs O(1) per price.
/// </summary>
/// <remarks>
/// With p the current price: mean = S / N, population variance = (N·Q − S²) / N², and the z-score of p is
/// z = (N·p − S) / √(N·Q − S²). <see cref="CompareZ"/> compares z with a threshold exactly (256-bit products, no
/// square root, no floating point). Bounds that keep every intermediate inside its integer type: N ≤
/// <see cref="MaxLength"/>, 0 &lt; price &lt; <see cref="MaxPrice"/> raw, |threshold| ≤ <see cref="MaxThreshold"/> raw.
/// Allocates only in the constructor.
/// </remarks>
internal sealed class RollingMoments
{
    /// <summary>Largest window: N·Q and S² stay below 2^126.</summary>
    public const int MaxLength = 1 << 16;

    /// <summary>Prices must be below 2^47 raw (1,407,374.88355328 units).</summary>
    public const long MaxPrice = 1L << 47;

    /// <summary>Largest |threshold| in raw fixed point (10,000 standard deviations).</summary>
    public const long MaxThreshold = 10_000 * FixedPoint.Scale;

    private readonly long[] _prices;
    private long _count;
    private Int128 _sum;
    private Int128 _sumOfSquares;

    /// <summary>Creates an empty window of <paramref name="length"/> prices.</summary>
    public RollingMoments(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        _prices = new long[length];
    }

    /// <summary>N, the window length.</summary>
    public int Length => _prices.Length;

    /// <summary>Prices added so far.</summary>
    public long Count => _count;

    /// <summary>True once N prices have been added.</summary>
    public bool IsFull => _count >= _prices.Length;

    /// <summary>S: the sum of the prices in the window (raw).</summary>
    public Int128 Sum => _sum;

    /// <summary>Q: the sum of their squares (raw²).</summary>
    public Int128 SumOfSquares => _sumOfSquares;

    /// <summary>N·Q − S² = N² × population variance (raw²), never negative.</summary>
    public Int128 Dispersion => (Length * _sumOfSquares) - (_sum * _sum);

    /// <summary>Adds <paramref name="price"/> (raw, 0 &lt; price &lt; <see cref="MaxPrice"/>), dropping the price N back.</summary>
    public void Add(long price)
    {
        var slot = (int)(_count % _prices.Length);
        if (_count >= _prices.Length)
        {
            var leaving = _prices[slot];
            _sum -= leaving;
            _sumOfSquares -= (Int128)leaving * leaving;
        }

        _prices[slot] = price;
        _sum += price;
        _sumOfSquares += (Int128)price * price;
        _count++;
    }

    /// <summary>
    /// The sign of z − <paramref name="threshold"/> (threshold in raw fixed point), where z is the z-score of
    /// <paramref name="price"/> against the window, computed exactly. When every price in the window is equal the
    /// dispersion is zero and z is taken as 0.
    /// </summary>
    public int CompareZ(long price, long threshold)
    {
        var dispersion = Dispersion;
        var deviation = ((Int128)Length * price) - _sum;
        if (dispersion == 0)
        {
            // z = 0.
            return -Math.Sign(threshold);
        }

        // z − k has the sign of D·Scale − k·√V (√V > 0); compare squares when the signs agree.
        var left = Int128.Sign(deviation);
        var right = Math.Sign(threshold);
        if (left != right)
        {
            return left > right ? 1 : -1;
        }

        if (left == 0)
        {
            return 0;
        }

        var scaled = (UInt128)Int128.Abs(deviation) * FixedPoint.Scale;
        var k = (UInt128)Math.Abs(threshold);
        var squares = WideMath.CompareProducts(scaled, scaled, k * k, (UInt128)dispersion);
        return left > 0 ? squares : -squares;
    }

    /// <summary>The mean S / N rounded down to a multiple of <paramref name="tick"/> (raw).</summary>
    public long MeanFloor(long tick)
    {
        var (quotient, remainder) = Int128.DivRem(_sum, (Int128)Length * tick);
        return (long)(remainder < 0 ? quotient - 1 : quotient) * tick;
    }

    /// <summary>The mean S / N rounded up to a multiple of <paramref name="tick"/> (raw).</summary>
    public long MeanCeiling(long tick)
    {
        var (quotient, remainder) = Int128.DivRem(_sum, (Int128)Length * tick);
        return (long)(remainder > 0 ? quotient + 1 : quotient) * tick;
    }

    /// <summary>Writes the window (prices, count, sums).</summary>
    public void WriteState(ref MessagePackWriter writer)
    {
        CheckpointState.WriteSpan<long>(ref writer, _prices);
        writer.WriteInt64(_count);
        CheckpointState.WriteValue(ref writer, in _sum);
        CheckpointState.WriteValue(ref writer, in _sumOfSquares);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote (same length).</summary>
    public void ReadState(ref MessagePackReader reader)
    {
        CheckpointState.ReadSpan<long>(ref reader, _prices);
        _count = CheckpointState.ReadInt64(ref reader);
        _sum = CheckpointState.ReadValue<Int128>(ref reader);
        _sumOfSquares = CheckpointState.ReadValue<Int128>(ref reader);
    }
}
