using RoboTrader.Engine.Diagnostics;

namespace RoboTrader.Engine.Tests.Diagnostics;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void ValueAtPercentile_SmallValues_AreExact()
    {
        var h = new LatencyHistogram();
        for (var v = 1; v <= 100; v++)
        {
            h.Record(v);
        }

        Assert.Equal(50, h.ValueAtPercentile(50));
        Assert.Equal(99, h.ValueAtPercentile(99));
        Assert.Equal(100, h.ValueAtPercentile(100));
        Assert.Equal(1, h.Min);
        Assert.Equal(100, h.Max);
        Assert.Equal(100, h.Count);
    }

    [Fact]
    public void IndexOf_EveryValue_FallsInABucketWhoseBoundsHoldIt()
    {
        var random = new Random(3);
        var previousIndex = -1;
        for (long v = 0; v < 100_000; v++)
        {
            var index = LatencyHistogram.IndexOf(v);
            Assert.True(index >= previousIndex, "buckets are monotonic");
            Assert.True(LatencyHistogram.HighestEquivalentValue(index) >= v);
            previousIndex = index;
        }

        for (var i = 0; i < 100_000; i++)
        {
            var v = random.NextInt64(0, long.MaxValue);
            var upper = LatencyHistogram.HighestEquivalentValue(LatencyHistogram.IndexOf(v));
            Assert.True(upper >= v);
            Assert.True(upper - v <= v / 64, $"{v} reported as {upper}: more than 1/64 above");
        }
    }

    [Fact]
    public void ValueAtPercentile_SeededLatencies_MatchSortedRankWithinPrecision()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 50_000).Select(_ => (long)Math.Exp(random.NextDouble() * 16)).ToArray();
        var h = new LatencyHistogram();
        foreach (var v in values)
        {
            h.Record(v);
        }

        Array.Sort(values);
        foreach (var p in new[] { 50.0, 90, 99, 99.9, 100 })
        {
            var exact = values[(int)Math.Ceiling(p / 100 * values.Length) - 1];
            var reported = h.ValueAtPercentile(p);
            Assert.InRange(reported, exact, exact + (exact / 64) + 1);
        }
    }

    [Fact]
    public void Add_MergesCountsAndExtremes()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.Record(10);
        b.Record(1_000_000);
        a.Add(b);
        Assert.Equal(2, a.Count);
        Assert.Equal(1_000_000, a.Max);
        Assert.Equal(10, a.Min);
    }

    [Fact]
    public void Record_Allocates_Nothing()
    {
        var h = new LatencyHistogram();
        h.Record(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            h.Record(i * 37);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
