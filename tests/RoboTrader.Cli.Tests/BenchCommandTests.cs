using System.Globalization;

namespace RoboTrader.Cli.Tests;

/// <summary>The harness commands run and print what the perf tooling parses; bad arguments are one-line errors.</summary>
public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("1p1c-yielding")]
    [InlineData("1p1c-value-yielding")]
    [InlineData("1p1c-batch")]
    [InlineData("1p1c-blocking")]
    [InlineData("pipeline3")]
    [InlineData("3p1c")]
    [InlineData("channels-1p1c")]
    public void BenchRing_EachScenario_LastLineIsNameAndRate(string scenario)
    {
        var outcome = CliRunner.Run("bench", "ring", "--scenario", scenario, "--seconds", "0.3");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var last = outcome.Output.Trim().Split('\n')[^1].Split(' ');
        Assert.Equal(scenario, last[0]);
        Assert.True(double.Parse(last[1], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void BenchLatency_ShortRun_ReportsPercentiles()
    {
        var outcome = CliRunner.Run("bench", "latency", "--rate", "20000", "--seconds", "0.2", "--wait", "yielding");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("p50", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("p99.9", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 orders measured", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchDurability_ShortRun_ReportsThroughputStallsAndRecovery()
    {
        var outcome = CliRunner.Run("bench", "durability", "--events", "20000", "--checkpoint-every", "5000");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var lines = outcome.Output.Trim().Split('\n');
        Assert.StartsWith("throughput: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" 8 group checkpoints)", lines[1], StringComparison.Ordinal); // 20,000 frames, every 5,000, two groups (default placement: parse on the producer thread, the rest fused)
        Assert.StartsWith("checkpoint parts (µs, p50 / p99 / max): stall ", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("(4 checkpoints)", lines[2].TrimEnd(), StringComparison.Ordinal); // each completed, manifest and all
        // The crash leaves the checkpoint at frame 20,000 and up to 19,999 journaled frames after it.
        var replayed = long.Parse(lines[3].Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.InRange(replayed, 1, 19_999);
    }

    [Theory]
    [InlineData("durability", "--events", "10")]
    [InlineData("durability", "--journal-compression", "zip")]
    [InlineData("ring", "--scenario", "warp-drive")]
    [InlineData("ring", "--scenario", "pipeline3", "--seconds", "-1")]
    [InlineData("latency", "--rate", "0")]
    [InlineData("latency", "--wait", "nap")]
    public void Bench_BadArguments_OneLineErrorExit2(params string[] args)
    {
        var outcome = CliRunner.Run(["bench", .. args]);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
