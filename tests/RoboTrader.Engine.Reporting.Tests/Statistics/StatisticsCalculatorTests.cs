using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Statistics;
using RoboTrader.Engine.Reporting.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Reporting.Tests.Statistics;

public sealed class StatisticsCalculatorTests
{
    private const double Tolerance = 1e-12;

    // P = 252 × 6.5 × 3600 / Δ = 4 periods a year: every annualization below is worked out by hand with √P = 2.
    private static readonly TimeSpan s_quarterOfATradingYear = TimeSpan.FromSeconds(5_896_800 / 4);

    private static ReportStatistics Compute(string[] equity, string[]? trades = null, ReportOptions? options = null)
    {
        using var dir = new TempDirectory("report-stats");
        ReportFixture.Write(dir.Path, equity, trades ?? []);
        return StatisticsCalculator.Compute(ReportInputs.Read(dir.Path), options ?? ReportOptions.Default);
    }

    private static string[] Minutes(params string[] equity)
        => equity.Select((e, i) => ReportFixture.EquityRow(ReportFixture.Day0.AddMinutes(i), e)).ToArray();

    [Fact]
    public void Compute_ReturnsOfTenPercentUpDownUpUp_GiveHandWorkedRatios()
    {
        // r = +0.1, -0.1, +0.1, +0.1: mean 0.05; squared deviations 0.0025+0.0225+0.0025+0.0025 = 0.03; s² = 0.03/3, s = 0.1.
        // Downside: only -0.1, so d = √(0.01/4) = 0.05.
        var stats = Compute(Minutes("100", "110", "99", "108.9", "119.79"), options: ReportOptions.Default with { SampleInterval = s_quarterOfATradingYear });

        Assert.Equal(0.1979, stats.TotalReturn!.Value, Tolerance);
        Assert.Equal(4, stats.PeriodsPerYear!.Value, Tolerance);
        Assert.Equal(0.1979, stats.Cagr!.Value, Tolerance); // 4 periods = one year at P = 4
        Assert.Equal(0.2, stats.Volatility!.Value, Tolerance); // 0.1 × √4
        Assert.Equal(1.0, stats.Sharpe!.Value, Tolerance); // 0.05 / 0.1 × 2
        Assert.Equal(2.0, stats.Sortino!.Value, Tolerance); // 0.05 / 0.05 × 2
        Assert.Equal(5, stats.Samples);
        Assert.Equal(4, stats.Periods);
        Assert.Equal(19.79m, stats.NetPnl);
    }

    [Fact]
    public void Compute_RiskFreeRate_IsSubtractedPerPeriod()
    {
        // R_f = 4 % a year, P = 4: 1 % a period. Sharpe (0.05 - 0.01) / 0.1 × 2 = 0.8; excess returns 0.09, -0.11, 0.09,
        // 0.09: d = √(0.0121/4) = 0.055, Sortino 0.04 / 0.055 × 2.
        var stats = Compute(Minutes("100", "110", "99", "108.9", "119.79"), options: ReportOptions.Default with { SampleInterval = s_quarterOfATradingYear, RiskFreeRate = 0.04 });

        Assert.Equal(0.8, stats.Sharpe!.Value, 1e-9);
        Assert.Equal(0.04 / 0.055 * 2, stats.Sortino!.Value, 1e-9);
        Assert.Equal(0.2, stats.Volatility!.Value, Tolerance);
    }

    [Fact]
    public void Compute_OneMinuteSamples_InferTheIntervalAndAnnualizeOver98280Periods()
    {
        var stats = Compute(Minutes("100", "110", "99", "108.9", "119.79"));

        Assert.Equal(60, stats.SampleIntervalSeconds);
        Assert.Equal(98_280, stats.PeriodsPerYear!.Value, Tolerance);
        Assert.Equal(0.1 * Math.Sqrt(98_280), stats.Volatility!.Value, 1e-9);
        Assert.Equal(0.5 * Math.Sqrt(98_280), stats.Sharpe!.Value, 1e-9);
        Assert.Null(stats.Cagr); // 1.1979^(98280/4) overflows a double: undefined, not infinity
    }

    [Fact]
    public void Compute_TwoDrawdowns_MaxIsTheDeepestAndLongestIsTheLongest()
    {
        // Peak 110 (13:31) → trough 99 (13:32, -10 %) → recovered at 120 (13:33): 120 s. Then 120 → 114 (-5 %) and
        // never back: underwater from 13:33 to the end (13:37), 240 s.
        var stats = Compute(Minutes("100", "110", "99", "120", "114", "115", "116", "117"));

        Assert.Equal(0.1, stats.MaxDrawdown!.Value, Tolerance);
        Assert.Equal(11m, stats.MaxDrawdownAmount); // 110 - 99
        Assert.Equal(ReportFixture.Day0.AddMinutes(1), Time(stats.MaxDrawdownPeak));
        Assert.Equal(ReportFixture.Day0.AddMinutes(2), Time(stats.MaxDrawdownTrough));
        Assert.Equal(ReportFixture.Day0.AddMinutes(3), Time(stats.MaxDrawdownRecovery));
        Assert.Equal(120, stats.MaxDrawdownDurationSeconds);
        Assert.Equal(240, stats.LongestDrawdownSeconds);
    }

    [Fact]
    public void Compute_DrawdownNeverRecovered_LastsToTheEnd()
    {
        var stats = Compute(Minutes("100", "90", "95"));

        Assert.Equal(0.1, stats.MaxDrawdown!.Value, Tolerance);
        Assert.Null(stats.MaxDrawdownRecovery);
        Assert.Equal(120, stats.MaxDrawdownDurationSeconds); // 13:30 peak to 13:32, the last sample
        Assert.Equal(120, stats.LongestDrawdownSeconds);
    }

    [Fact]
    public void Compute_NoStartingCapital_MeasuresTheDrawdownInMoneyAndLeavesReturnsUndefined()
    {
        // Equity 0, 50, -20, 10: the deepest fall is 50 → -20 (70), from 13:31, never recovered: to 13:33.
        var stats = Compute(Minutes("0", "50", "-20", "10"));

        Assert.Null(stats.MaxDrawdown);
        Assert.Equal(70m, stats.MaxDrawdownAmount);
        Assert.Equal(ReportFixture.Day0.AddMinutes(1), Time(stats.MaxDrawdownPeak));
        Assert.Equal(ReportFixture.Day0.AddMinutes(2), Time(stats.MaxDrawdownTrough));
        Assert.Null(stats.MaxDrawdownRecovery);
        Assert.Equal(120, stats.MaxDrawdownDurationSeconds);
        Assert.Null(stats.TotalReturn);
        Assert.Null(stats.Cagr);
        Assert.Null(stats.Sharpe);
        Assert.Null(stats.Volatility);
        Assert.Equal(0, stats.Turnover); // no fills over an average equity of (0 + 50 - 20 + 10) / 4 = 10
        Assert.Equal(10m, stats.NetPnl);
    }

    [Fact]
    public void Compute_Fills_CountClosingWinsLossesAndExactSums()
    {
        string[] trades =
        [
            $"1,{ReportFixture.Iso(ReportFixture.Day0)},BAC,BUY,100,10,1,o1,market,,,100,0",        // opens
            $"2,{ReportFixture.Iso(ReportFixture.Day0)},BAC,SELL,50,12,0.5,o2,limit,12,,50,100",    // closing, win
            $"3,{ReportFixture.Iso(ReportFixture.Day0)},BAC,SELL,100,9,1,o3,stop,,9,-50,-50",      // closing (flips), loss
            $"4,{ReportFixture.Iso(ReportFixture.Day0)},BAC,BUY,50,8,0.5,o4,market,,,0,50",         // closing the short, win
            $"5,{ReportFixture.Iso(ReportFixture.Day0)},IBM,BUY,10,100,0,o5,market,,,10,0",         // opens
            $"6,{ReportFixture.Iso(ReportFixture.Day0)},IBM,SELL,10,100,0,o6,market,,,0,0",         // closing at break-even
        ];
        string[] equity =
        [
            ReportFixture.EquityRow(ReportFixture.Day0, "1000"),
            ReportFixture.EquityRow(ReportFixture.Day0.AddMinutes(1), "1100", "500", "500"),
            ReportFixture.EquityRow(ReportFixture.Day0.AddMinutes(2), "1200", "300", "-300"),
        ];

        var stats = Compute(equity, trades);

        Assert.Equal(6, stats.Trades);
        Assert.Equal(4, stats.ClosingTrades);
        Assert.Equal(2, stats.WinningTrades);
        Assert.Equal(1, stats.LosingTrades);
        Assert.Equal(0.5, stats.WinRate);
        Assert.Equal(150m, stats.GrossProfit);
        Assert.Equal(50m, stats.GrossLoss);
        Assert.Equal(3.0, stats.ProfitFactor);
        Assert.Equal(100m, stats.RealizedPnl);
        Assert.Equal(3m, stats.Fees);
        Assert.Equal(4900m, stats.TradedNotional); // 1000 + 600 + 900 + 400 + 1000 + 1000
        Assert.Equal(1100, stats.AverageEquity);
        Assert.Equal(4900.0 / 1100, stats.Turnover!.Value, Tolerance);
        Assert.Equal(2.0 / 3, stats.Exposure!.Value, Tolerance);
        Assert.Equal(((500.0 / 1100) + (300.0 / 1200)) / 3, stats.AverageGrossExposure!.Value, Tolerance);
        Assert.Equal(((500.0 / 1100) - (300.0 / 1200)) / 3, stats.AverageNetExposure!.Value, Tolerance);
    }

    [Fact]
    public void Compute_NoLossesAndNoClosingFills_LeaveRatiosUndefined()
    {
        var stats = Compute(Minutes("100"), [$"1,{ReportFixture.Iso(ReportFixture.Day0)},BAC,BUY,1,10,0,o1,market,,,1,0"]);

        Assert.Equal(1, stats.Trades);
        Assert.Equal(0, stats.ClosingTrades);
        Assert.Null(stats.WinRate);
        Assert.Null(stats.ProfitFactor);
        Assert.Null(stats.Volatility); // one sample: no return
        Assert.Null(stats.Sharpe);
        Assert.Null(stats.SampleIntervalSeconds);
        Assert.Equal(0, stats.TotalReturn);
        Assert.Equal(0, stats.MaxDrawdown);
        Assert.Equal(0, stats.MaxDrawdownDurationSeconds);
    }

    [Fact]
    public void Compute_FlatCurve_HasZeroVolatilityAndNoSharpe()
    {
        var stats = Compute(Minutes("100", "100", "100"));

        Assert.Equal(0, stats.Volatility);
        Assert.Null(stats.Sharpe);
        Assert.Null(stats.Sortino);
        Assert.Equal(0, stats.Cagr);
        Assert.Equal(0, stats.MaxDrawdown);
    }

    [Fact]
    public void ModalSpacing_PrefersTheMostFrequentSpacing_AndTheSmallestOnATie()
    {
        // Spacings 60, 60, 17 (the final sample), 3600 (a gap): 60 s.
        long[] seconds = [0, 60, 120, 137, 3737];
        var samples = seconds.Select(s => new EquitySample(s * 1_000_000_000, 1, 1, 0, 0, 0, 0, 0)).ToList();
        Assert.Equal(60, StatisticsCalculator.ModalSpacingSeconds(samples));

        long[] tie = [0, 120, 180];
        Assert.Equal(60, StatisticsCalculator.ModalSpacingSeconds(tie.Select(s => new EquitySample(s * 1_000_000_000, 1, 1, 0, 0, 0, 0, 0)).ToList()));
    }

    private static DateTime Time(long? nanos) => DateTime.UnixEpoch.AddTicks(nanos!.Value / 100);
}
