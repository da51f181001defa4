using System.Numerics;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>The incremental window against a naive recomputation, and the exact z comparison against big-integer arithmetic.</summary>
public sealed class RollingMomentsTests
{
    [Fact]
    public void Add_SeededPrices_SumsEqualNaiveRecomputationAtEveryStep()
    {
        var random = new Random(17);
        const int n = 37;
        var window = new RollingMoments(n);
        var prices = new List<long>();
        for (var i = 0; i < 5_000; i++)
        {
            // Real-looking prices (8 decimals) with occasional jumps across the whole allowed range.
            var p = i % 500 == 499 ? random.NextInt64(1, RollingMoments.MaxPrice) : 1_500_000_000L + random.Next(-50_000_000, 50_000_000);
            prices.Add(p);
            window.Add(p);

            var last = prices.Skip(Math.Max(0, prices.Count - n)).ToList();
            Assert.Equal(last.Aggregate(Int128.Zero, (s, x) => s + x), window.Sum);
            Assert.Equal(last.Aggregate(Int128.Zero, (s, x) => s + ((Int128)x * x)), window.SumOfSquares);
            Assert.Equal(prices.Count >= n, window.IsFull);
        }
    }

    [Fact]
    public void CompareZ_SeededWindowsAndThresholds_MatchBigIntegerReference()
    {
        var random = new Random(23);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var n = random.Next(2, 50);
            var window = new RollingMoments(n);
            var prices = new long[n];
            var spread = random.Next(0, 3) switch { 0 => 3L, 1 => 1_000_000L, _ => RollingMoments.MaxPrice / 4 };
            var basePrice = random.NextInt64(spread + 1, RollingMoments.MaxPrice - spread);
            for (var i = 0; i < n; i++)
            {
                prices[i] = basePrice + random.NextInt64(-spread, spread + 1);
                window.Add(prices[i]);
            }

            var p = prices[^1];
            var threshold = random.Next(0, 4) switch
            {
                0 => random.NextInt64(-RollingMoments.MaxThreshold, RollingMoments.MaxThreshold + 1),
                1 => random.NextInt64(-5 * FixedPoint.Scale, 5 * FixedPoint.Scale),
                2 => 0,
                _ => NearExact(prices),
            };

            Assert.Equal(Reference(prices, threshold), window.CompareZ(p, threshold));
        }
    }

    [Fact]
    public void CompareZ_WorstCaseMagnitudes_DoNotOverflow()
    {
        // The largest window of prices alternating between the smallest and largest allowed values.
        var window = new RollingMoments(RollingMoments.MaxLength);
        var prices = new long[RollingMoments.MaxLength];
        for (var i = 0; i < prices.Length; i++)
        {
            prices[i] = i % 2 == 0 ? 1 : RollingMoments.MaxPrice - 1;
            window.Add(prices[i]);
        }

        foreach (var threshold in new[] { -RollingMoments.MaxThreshold, -1, 0, 1, RollingMoments.MaxThreshold })
        {
            Assert.Equal(Reference(prices, threshold), window.CompareZ(prices[^1], threshold));
        }
    }

    [Theory]
    [InlineData("0.1", "6.9", "7")]     // mean of 5, 5, 9, 8, 7.9 = 6.98
    [InlineData("0.01", "6.98", "6.98")]
    [InlineData("0.25", "6.75", "7")]
    public void MeanFloorAndCeiling_RoundToTheTickGrid(string tick, string floor, string ceiling)
    {
        var window = new RollingMoments(5);
        foreach (var p in new[] { "5", "5", "9", "8", "7.9" })
        {
            window.Add(StrategyEvents.P(p).Raw);
        }

        var t = StrategyEvents.P(tick).Raw;
        Assert.Equal(StrategyEvents.P(floor).Raw, window.MeanFloor(t));
        Assert.Equal(StrategyEvents.P(ceiling).Raw, window.MeanCeiling(t));
    }

    [Fact]
    public void WideMath_Multiply_MatchesBigInteger()
    {
        var random = new Random(3);
        var buffer = new byte[16];
        for (var i = 0; i < 10_000; i++)
        {
            var a = Next(random, buffer);
            var b = Next(random, buffer);
            var (high, low) = WideMath.Multiply(a, b);
            var expected = (BigInteger)a * b;
            Assert.Equal(expected, ((BigInteger)high << 128) + low);
        }

        Assert.Equal((UInt128.MaxValue - 1, (UInt128)1), WideMath.Multiply(UInt128.MaxValue, UInt128.MaxValue));
    }

    private static UInt128 Next(Random random, byte[] buffer)
    {
        random.NextBytes(buffer);
        var value = BitConverter.ToUInt128(buffer);
        return (random.Next(4)) switch { 0 => value >> 100, 1 => value >> 64, _ => value };
    }

    /// <summary>A threshold within 10^-8 of the true z, to probe the comparison where rounding would go wrong.</summary>
    private static long NearExact(long[] prices)
    {
        var (d, v) = DeviationAndDispersion(prices);
        if (v.IsZero)
        {
            return 0;
        }

        var z = (double)d / Math.Sqrt((double)v) * FixedPoint.Scale;
        return Math.Clamp((long)Math.Round(z), -RollingMoments.MaxThreshold, RollingMoments.MaxThreshold);
    }

    private static (BigInteger D, BigInteger V) DeviationAndDispersion(long[] prices)
    {
        BigInteger n = prices.Length, s = 0, q = 0;
        foreach (var x in prices)
        {
            s += x;
            q += (BigInteger)x * x;
        }

        return ((n * prices[^1]) - s, (n * q) - (s * s));
    }

    /// <summary>sign(z − k/10^8) with z = D/√V, by exact big-integer case analysis.</summary>
    private static int Reference(long[] prices, long threshold)
    {
        var (d, v) = DeviationAndDispersion(prices);
        if (v.IsZero)
        {
            return -Math.Sign(threshold);
        }

        // z − k = (D·10^8 − k·√V) / (10^8·√V): compare D·10^8 with k·√V.
        var a = d * FixedPoint.Scale;
        var signA = a.Sign;
        var signB = Math.Sign(threshold);
        if (signA != signB)
        {
            return signA > signB ? 1 : -1;
        }

        if (signA == 0)
        {
            return 0;
        }

        var cmp = (a * a).CompareTo((BigInteger)threshold * threshold * v);
        return signA > 0 ? cmp : -cmp;
    }
}
