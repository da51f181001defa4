using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Statistics;

namespace RoboTrader.Engine.Reporting.Tests.Statistics;

public sealed class PeriodReturnsTests
{
    private static EquitySample At(int month, int day, int hour, decimal equity)
        => new((new DateTime(2013, month, day, hour, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100, equity, equity, 0, 0, 0, 0, 0);

    private static readonly EquitySample[] s_samples = [At(10, 31, 13, 100), At(10, 31, 20, 110), At(11, 1, 13, 99), At(11, 1, 20, 121)];

    [Fact]
    public void Daily_ChainsEachDaysLastSampleOnThePreviousDays()
    {
        var daily = PeriodReturns.Daily(s_samples);

        Assert.Equal(2, daily.Count);
        Assert.Equal((2013, 10, 31, 100m, 110m), (daily[0].Year, daily[0].Month, daily[0].Day, daily[0].StartEquity, daily[0].EndEquity));
        Assert.Equal(0.1, daily[0].Return!.Value, 1e-12);
        Assert.Equal((110m, 121m, 11m), (daily[1].StartEquity, daily[1].EndEquity, daily[1].Pnl));
        Assert.Equal(0.1, daily[1].Return!.Value, 1e-12);
    }

    [Fact]
    public void MonthlyAndYearly_CompoundTheSameWay()
    {
        var monthly = PeriodReturns.Monthly(s_samples);
        var yearly = PeriodReturns.Yearly(s_samples);

        Assert.Equal([10, 11], monthly.Select(m => m.Month));
        Assert.All(monthly, m => Assert.Equal(0, m.Day));
        Assert.Equal(0.1, monthly[1].Return!.Value, 1e-12);
        Assert.Single(yearly);
        Assert.Equal(0.21, yearly[0].Return!.Value, 1e-12);
    }

    [Fact]
    public void Daily_NoSamples_NoPeriods() => Assert.Empty(PeriodReturns.Daily([]));
}
