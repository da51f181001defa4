using RoboTrader.Cli.Tests.Reference;
using RoboTrader.TestSupport;
using Xunit.Abstractions;

namespace RoboTrader.Cli.Tests;

/// <summary>The engine's backtest against the independent reference implementation, on generated and on real LEAN data.</summary>
public sealed class BacktestReferenceTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Backtest_GeneratedData_MatchesReferenceExactly()
    {
        var data = _temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-05", "--to", "2024-01-09", "--seed", "7", "--ticks-per-day", "4000").ExitCode);

        Check(data, ["aaa", "bbb", "ccc"], new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 9), fast: 5, slow: 30, qty: 100, feeBps: 1.5m);
    }

    [LeanDataFact]
    public void Backtest_RealLeanBacIbmTwoDays_MatchesReferenceExactly()
        => Check(SharedData.LeanDataRoot!, ["bac", "ibm"], new DateOnly(2013, 10, 7), new DateOnly(2013, 10, 8), fast: 20, slow: 100, qty: 100, feeBps: 1);

    [LeanDataFact]
    public void Backtest_RealLeanAllSymbolsOneDay_MatchesReferenceExactly()
        => Check(SharedData.LeanDataRoot!, ["spy", "aig", "bac", "ibm"], new DateOnly(2013, 10, 11), new DateOnly(2013, 10, 11), fast: 10, slow: 50, qty: 10, feeBps: 0.5m);

    private void Check(string data, string[] symbols, DateOnly from, DateOnly to, int fast, int slow, decimal qty, decimal feeBps)
    {
        var outDir = _temp.Combine("out-" + string.Join('-', symbols));
        var run = CliRunner.Run(
            "backtest", "--data", data, "--symbols", string.Join(',', symbols),
            "--from", from.ToString("yyyy-MM-dd"), "--to", to.ToString("yyyy-MM-dd"),
            "--strategy", "sma-cross", "--fast", fast.ToString(), "--slow", slow.ToString(),
            "--qty", qty.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--fee-bps", feeBps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", outDir);
        Assert.True(run.ExitCode == 0, run.Error);
        log.WriteLine(run.Output);

        var expected = ReferenceBacktest.Run(data, symbols, from, to, fast, slow, qty, feeBps);
        var actual = EngineOutput.Read(outDir);

        Assert.Equal(expected.Events, actual.Count("events"));
        Assert.Equal(expected.Trades, actual.Count("trades"));
        Assert.Equal(expected.Quotes, actual.Count("quotes"));
        Assert.Equal(actual.Count("events"), actual.Count("trades") + actual.Count("quotes"));
        Assert.Equal(expected.Suspicious, actual.Count("suspicious"));
        Assert.Equal(expected.Orders, actual.Count("orders"));
        Assert.Equal(expected.Cancelled, actual.Count("orders_cancelled"));
        Assert.Equal(expected.Fills.Count, actual.Count("fills"));
        Assert.True(expected.Fills.Count > 0, "the scenario should trade");
        Assert.Equal(expected.Fills, actual.Fills);
        Assert.Equal(expected.Positions.OrderBy(p => p.Key), actual.Positions.OrderBy(p => p.Key));
        Assert.Equal(expected.Realized, actual.Money("realized_pnl"));
        Assert.Equal(expected.Unrealized, actual.Money("unrealized_pnl"));
        Assert.Equal(expected.Fees, actual.Money("fees"));
    }
}
