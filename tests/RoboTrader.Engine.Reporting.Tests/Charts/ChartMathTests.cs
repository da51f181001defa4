using RoboTrader.Engine.Reporting.Charts;

namespace RoboTrader.Engine.Reporting.Tests.Charts;

public sealed class ChartMathTests
{
    private static long At(int month, int day, int hour, int minute)
        => (new DateTime(2013, month, day, hour, minute, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100;

    [Fact]
    public void MinMax_ShortSeries_KeepsEverything() => Assert.Equal([0, 1, 2, 3, 4], Downsampler.MinMax([5, 1, 4, 2, 3], 10));

    [Fact]
    public void MinMax_LongSeries_KeepsEndsAndEachRunsExtremesInOrder()
    {
        // 6 points: the ends, then (6 - 2) / 2 = 2 runs of the 8 interior indices: 1-4 (3, 9, 1, 5: max 9@2, min 1@3)
        // and 5-8 (6, 2, 8, 7: min 2@6, max 8@7); each run's two in index order.
        double[] values = [10, 3, 9, 1, 5, 6, 2, 8, 7, 4];
        Assert.Equal([0, 2, 3, 6, 7, 9], Downsampler.MinMax(values, 6));
    }

    [Fact]
    public void MinMax_SeededRandomSeries_StayWithinTheBudgetAscendingAndKeepTheExtremes()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var n = random.Next(1, 50_000);
            var maxPoints = random.Next(4, 3000);
            var values = new double[n];
            for (var i = 1; i < n; i++)
            {
                values[i] = values[i - 1] + random.NextDouble() - 0.5;
            }

            var picked = Downsampler.MinMax(values, maxPoints);

            Assert.True(picked.Length <= maxPoints, $"n {n}, budget {maxPoints}: {picked.Length} points");
            Assert.True(picked.Zip(picked.Skip(1)).All(p => p.First < p.Second), "ascending, no repeats");
            Assert.Equal(0, picked[0]);
            Assert.Equal(n - 1, picked[^1]);
            Assert.Contains(Array.IndexOf(values, values.Max()), picked);
            Assert.Contains(Array.IndexOf(values, values.Min()), picked);
            if (n <= maxPoints)
            {
                Assert.Equal(n, picked.Length);
            }
        }
    }

    [Fact]
    public void ValueTicks_PickOneTwoFiveSteps()
    {
        // (104,957.76 - 99,989.49) / 5 = 993.65 → 9.94 × 100 → a step of 10 × 100; the ends round out to it.
        var (low, high, step, ticks) = ValueTicks.For(99_989.49, 104_957.76);
        Assert.Equal((99_000, 105_000, 1_000), (low, high, step));
        Assert.Equal([99_000, 100_000, 101_000, 102_000, 103_000, 104_000, 105_000], ticks);

        var drawdown = ValueTicks.For(-0.0123, 0);
        Assert.Equal(0.005, drawdown.Step, 1e-15);
        Assert.Equal(-0.015, drawdown.Low, 1e-15);
        Assert.Equal(0, drawdown.High);
        Assert.Equal(3, ValueTicks.Decimals(0.005));
    }

    [Fact]
    public void ValueTicks_FlatSeries_GetsABandAroundTheValue()
    {
        var (low, high, _, ticks) = ValueTicks.For(5, 5);
        Assert.True(low < 5 && high > 5, $"{low}..{high}");
        Assert.True(ticks.Length >= 3);
    }

    [Fact]
    public void TimeTicks_OneDayOfMinutes_LabelsHoursWithTheDateFirst()
    {
        var times = Enumerable.Range(0, 390).Select(m => At(10, 7, 13, 30) + (m * 60_000_000_000L)).ToArray();
        var ticks = TimeTicks.For(times);
        // 13:30-20:00: hourly boundaries are 7 (14:00 ... 20:00 has no sample: 6), within the 8 allowed.
        Assert.Equal(["10-07 13:30", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"], ticks.Select(t => t.Label));
        Assert.Equal([0, 30, 90, 150, 210, 270, 330], ticks.Select(t => t.Index));
    }

    [Fact]
    public void TimeTicks_WeeksOfDays_StartOnMonday()
    {
        var days = new[] { At(10, 7, 14, 0), At(10, 11, 14, 0), At(10, 14, 14, 0), At(10, 21, 14, 0), At(10, 28, 14, 0) };
        var labels = TimeTicks.For(days, maxTicks: 3).Select(t => t.Label);
        Assert.Equal(["2013-10-07", "2013-10-14", "2013-10-21", "2013-10-28"], labels);
    }
}
