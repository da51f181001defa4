using System.Text.Json;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Demo_SmallRun_GeneratesDataAndWritesOutputs()
    {
        var outcome = CliRunner.Run("demo", "--out", _temp.Path, "--ticks-per-day", "2000");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("events/s", outcome.Output, StringComparison.Ordinal);
        var summary = JsonDocument.Parse(File.ReadAllText(_temp.Combine("backtest", "summary.json"))).RootElement;
        Assert.True(summary.GetProperty("events").GetInt64() > 10_000);
        Assert.True(summary.GetProperty("fills").GetInt64() > 0);
        Assert.Equal(summary.GetProperty("fills").GetInt64() + 1, File.ReadAllLines(_temp.Combine("backtest", "fills.csv")).Length);
        var stats = JsonDocument.Parse(File.ReadAllText(_temp.Combine("backtest", "stats.json"))).RootElement;
        Assert.Equal(summary.GetProperty("fills").GetInt64(), stats.GetProperty("trades").GetInt64());
        Assert.Contains("<svg", File.ReadAllText(_temp.Combine("backtest", "report.html")), StringComparison.Ordinal);
    }
}
