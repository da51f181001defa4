using System.Text.Json;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary><c>robotrader report</c> and the report options of <c>backtest</c>.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private const string Equity = """
        time,equity,cash,gross_exposure,net_exposure,realized_pnl,unrealized_pnl,fees
        2013-10-07T13:30:00.000000Z,1000,1000,0,0,0,0,0
        2013-10-07T13:31:00.000000Z,1100,100,1000,1000,0,100,0
        2013-10-07T13:32:00.000000Z,990,990,0,0,-10,0,0
        """;

    private const string Trades = """
        seq,time,symbol,side,qty,price,fee,order_id,order_type,limit_price,stop_price,position,realized_pnl
        3,2013-10-07T13:30:30.000000Z,BAC,BUY,100,10,0,1,market,,,100,0
        9,2013-10-07T13:31:30.000000Z,BAC,SELL,100,9.9,0,2,limit,9.9,,0,-10
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Folder(string trades = Trades)
    {
        var dir = _temp.Combine(Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "equity.csv"), Equity + "\n");
        File.WriteAllText(Path.Combine(dir, "trades.csv"), trades + "\n");
        return dir;
    }

    [Fact]
    public void Report_OutputFolder_WritesHtmlAndStats()
    {
        var dir = Folder();

        var outcome = CliRunner.Run("report", "--out", dir, "--risk-free-rate", "0.02");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("total_return -0.01  ", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("report.html and ", outcome.Output, StringComparison.Ordinal);
        using var stats = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "stats.json")));
        Assert.Equal(0.1, stats.RootElement.GetProperty("max_drawdown").GetDouble(), 12); // 1100 → 990
        Assert.Equal(0.02, stats.RootElement.GetProperty("risk_free_rate").GetDouble());
        Assert.Equal(0, stats.RootElement.GetProperty("win_rate").GetDouble()); // one closing fill, a loss
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MalformedTrades_FailsNamingLineAndColumn()
    {
        var dir = Folder(Trades.Replace("9.9,0,2", "9,9,0,2", StringComparison.Ordinal));

        var outcome = CliRunner.Run("report", "--out", dir);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("error: trades.csv line 3: 14 fields where the header has 13\n", outcome.Error.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Theory]
    [InlineData("--risk-free-rate", "2%", "error: --risk-free-rate '2%' is not an annual fraction")]
    [InlineData("--risk-free-rate", "-1", "error: --risk-free-rate '-1' is not an annual fraction")]
    public void Report_BadRiskFreeRate_IsAUsageError(string option, string value, string expected)
    {
        var outcome = CliRunner.Run("report", "--out", Folder(), option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(expected, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_RiskFreeRateWithoutReport_IsAUsageError()
    {
        var outcome = CliRunner.Run("backtest", "--data", _temp.Path, "--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-07", "--out", _temp.Combine("o"), "--risk-free-rate", "0.02");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("error: --risk-free-rate applies with --report\n", outcome.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Report_MissingFolder_IsAUsageError()
    {
        var outcome = CliRunner.Run("report", "--out", _temp.Combine("nowhere"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("does not exist", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--progress", "sometimes", "error: --progress 'sometimes' is not auto, bar, lines or none")]
    [InlineData("--risk-free-rate", "x", "error: --risk-free-rate 'x' is not an annual fraction")]
    public void Backtest_BadReportOrProgressOption_IsAUsageErrorBeforeAnyData(string option, string value, string expected)
    {
        var outcome = CliRunner.Run("backtest", "--data", _temp.Path, "--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-07", "--out", _temp.Combine("o"), "--report", option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(expected, outcome.Error, StringComparison.Ordinal);
    }

    [LeanDataChromiumFact]
    public void Backtest_Report_OnRealLeanData_RendersInHeadlessChromium()
    {
        // Two real days of BAC and IBM ticks, sma-cross: the report the issue asks people to look at first.
        var outDir = _temp.Combine("lean-report");
        var outcome = CliRunner.Run(
            "backtest", "--data", SharedData.LeanDataRoot!, "--symbols", "bac,ibm", "--from", "2013-10-07", "--to", "2013-10-08",
            "--fee-bps", "1", "--report", "--progress", "none", "--out", outDir);
        Assert.True(outcome.ExitCode == 0, outcome.Error);

        // 2 days × 390 minutes of equity samples (and the final one), drawn as they are (under the 2,000-point cap).
        var rendered = HeadlessChromium.RenderReport(Path.Combine(outDir, "report.html")).AssertChartsRendered(minPoints: 2 * 390);

        Assert.Equal(0, rendered.Scripts);
        Assert.Equal(0, rendered.Resources);
        Assert.Equal(["equity-chart", "drawdown-chart"], rendered.Charts.Select(c => c.Id));
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "stats.json")));
        var trades = File.ReadAllLines(Path.Combine(outDir, "trades.csv")).Length - 1;
        Assert.True(trades > 1000, $"{trades} trades");
        Assert.Equal(trades, stats.RootElement.GetProperty("trades").GetInt64());
        Assert.Equal(JsonValueKind.Number, stats.RootElement.GetProperty("sharpe").ValueKind); // initial cash 1,000,000: returns are defined
    }
}
