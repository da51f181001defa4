using RoboTrader.Adapters.Lean;
using RoboTrader.Cli.Progress;
using RoboTrader.Engine.Backtest;
using RoboTrader.Cli.Commands;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

public sealed class ProgressTests
{
    [Fact]
    public void Format_GivesEventsRatePercentAndElapsed()
    {
        var previous = new ProgressSnapshot(1_000_000, 0.2, TimeSpan.FromSeconds(5));
        var now = new ProgressSnapshot(3_500_000, 0.421, TimeSpan.FromSeconds(10));

        Assert.Equal("progress 3,500,000 events  500,000 events/s  42.1%  elapsed 00:00:10", ProgressLine.Format(now, previous));
        Assert.Equal("progress 7 events  0 events/s  elapsed 01:02:03", ProgressLine.Format(new(7, null, new TimeSpan(1, 2, 3)), new(7, null, new TimeSpan(1, 2, 3))));
    }

    [Fact]
    public void Resolve_AutoOnAnotherWriter_ShowsNothing_AndExplicitModesStay()
    {
        using var writer = new StringWriter();
        Assert.Equal(ProgressMode.None, ProgressReporter.Resolve(ProgressMode.Auto, writer));
        Assert.Equal(ProgressMode.Lines, ProgressReporter.Resolve(ProgressMode.Lines, writer));
        Assert.Equal(ProgressMode.Bar, ProgressReporter.Resolve(ProgressMode.Bar, writer));
    }

    [Fact]
    public void ProgressingSource_RealBacktest_CountsEveryEventAndReadsAllOfTheInput()
    {
        using var temp = new TempDirectory();
        var data = temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--from", "2024-01-08", "--to", "2024-01-09", "--ticks-per-day", "3000").ExitCode);
        var lean = new LeanDataSource(data, ["aaa", "bbb"], new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 9), LeanResolution.Tick);
        var source = new ProgressingFrameSource(lean, () => lean.Progress.Fraction);
        Assert.Equal(0, source.Events);
        // The options as the command line builds them (so this test follows whatever the options grow into).
        var settings = new BacktestSettings();
        var command = new System.CommandLine.Command("backtest");
        settings.AddTo(command);
        var options = settings.ToOptions(command.Parse(["--fast", "5", "--slow", "25"]), temp.Combine("out"), []);

        // A lines reporter with a short interval, writing somewhere the test can read: it only reads counters.
        using var lines = new StringWriter();
        BacktestSummary summary;
        using (ProgressReporter.Start(ProgressMode.Lines, source, TextWriter.Synchronized(lines), TimeSpan.FromMilliseconds(1)))
        {
            summary = BacktestRunner.Run(source, options);
            SpinWait.SpinUntil(() => lines.ToString().Contains($"progress {summary.Events:N0} events", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        }

        Assert.Equal(summary.Events, source.Events);
        Assert.Equal(1.0, source.Fraction);
        Assert.True(summary.Events > 10_000, $"{summary.Events} events");
        var written = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(written, l => l.StartsWith($"progress {summary.Events:N0} events  ", StringComparison.Ordinal) && l.Contains("  100.0%  elapsed ", StringComparison.Ordinal));
    }
}
