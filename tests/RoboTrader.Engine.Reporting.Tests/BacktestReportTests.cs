using System.Text.Json;
using RoboTrader.Engine.Reporting.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Reporting.Tests;

public sealed class BacktestReportTests
{
    [Fact]
    public void Write_SameInputsInTwoFolders_GiveByteIdenticalOutputs()
    {
        using var a = new TempDirectory("report-det");
        using var b = new TempDirectory("report-det");
        ReportFixture.WriteLong(a.Path, days: 4);
        ReportFixture.WriteLong(b.Path, days: 4);

        BacktestReport.Write(a.Path, ReportOptions.Default);
        BacktestReport.Write(b.Path, ReportOptions.Default);
        var firstHtml = File.ReadAllBytes(a.Combine("report.html"));
        BacktestReport.Write(a.Path, ReportOptions.Default); // again, over its own outputs

        Assert.Equal(firstHtml, File.ReadAllBytes(b.Combine("report.html")));
        Assert.Equal(firstHtml, File.ReadAllBytes(a.Combine("report.html")));
        Assert.Equal(File.ReadAllBytes(a.Combine("stats.json")), File.ReadAllBytes(b.Combine("stats.json")));
        Assert.False(File.Exists(a.Combine("report.html.tmp")));
    }

    [Fact]
    public void Write_WallClockFiguresOfTheSummary_DoNotReachTheReport()
    {
        using var dir = new TempDirectory("report-det");
        ReportFixture.WriteLong(dir.Path, days: 1);
        BacktestReport.Write(dir.Path, ReportOptions.Default);
        var first = File.ReadAllBytes(dir.Combine("report.html"));
        File.WriteAllText(dir.Combine("summary.json"), ReportFixture.Summary.Replace("812.5", "999.25", StringComparison.Ordinal).Replace("1520", "7", StringComparison.Ordinal));

        BacktestReport.Write(dir.Path, ReportOptions.Default);

        Assert.Equal(first, File.ReadAllBytes(dir.Combine("report.html")));
        Assert.DoesNotContain("elapsed_ms", File.ReadAllText(dir.Combine("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StatsJson_HasSnakeCaseKeysInAFixedOrder_MoneyExactAndUndefinedNull()
    {
        using var dir = new TempDirectory("report-json");
        ReportFixture.Write(
            dir.Path,
            [ReportFixture.EquityRow(ReportFixture.Day0, "100"), ReportFixture.EquityRow(ReportFixture.Day0.AddMinutes(1), "110")],
            [$"1,{ReportFixture.Iso(ReportFixture.Day0)},BAC,BUY,3,10.1,0.10,o1,market,,,3,0"]);

        BacktestReport.Write(dir.Path, ReportOptions.Default);

        using var json = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("stats.json")));
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "max_drawdown_amount", "max_drawdown_duration_seconds", "max_drawdown_peak",
             "max_drawdown_trough", "max_drawdown_recovery", "longest_drawdown_seconds", "win_rate", "profit_factor", "turnover", "exposure",
             "average_gross_exposure", "average_net_exposure", "fees", "trades", "closing_trades", "winning_trades", "losing_trades",
             "gross_profit", "gross_loss", "realized_pnl", "traded_notional", "average_equity", "start_equity", "end_equity", "net_pnl",
             "start", "end", "samples", "periods", "sample_interval_seconds", "periods_per_year", "risk_free_rate", "breaches"],
            keys);
        var root = json.RootElement;
        Assert.Equal(0.1, root.GetProperty("total_return").GetDouble());
        Assert.Equal("0.1", root.GetProperty("fees").GetString()); // exact, without the trailing zero
        Assert.Equal("30.3", root.GetProperty("traded_notional").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sharpe").ValueKind); // one return: no deviation
        Assert.Equal(JsonValueKind.Null, root.GetProperty("win_rate").ValueKind);
        Assert.Equal("2013-10-07T13:30:00.000000Z", root.GetProperty("start").GetString());
        Assert.Equal(1, root.GetProperty("trades").GetInt32());
        Assert.Equal(60, root.GetProperty("sample_interval_seconds").GetDouble());
    }
}
