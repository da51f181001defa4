using System.Text.Json;
using System.Text.Json.Nodes;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>Two runs of the same backtest produce byte-identical outputs, whatever the deployment.</summary>
public sealed class BacktestDeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Backtest_RunTwiceAndOnOtherPlacements_ByteIdenticalOutputs()
    {
        var data = _temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--from", "2024-01-08", "--to", "2024-01-09", "--ticks-per-day", "3000").ExitCode);

        string Run(string name, params string[] extra)
        {
            var dir = _temp.Combine(name);
            var outcome = CliRunner.Run(["backtest", "--data", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-09", "--fast", "5", "--slow", "25", "--fee-bps", "1", "--out", dir, .. extra]);
            Assert.True(outcome.ExitCode == 0, outcome.Error);
            return dir;
        }

        var first = Run("first");
        var second = Run("second");
        var split = Run("split", "--placement", "parse|risk,decide,execute|persist", "--ring-size", "64", "--wait", "blocking|yielding|sleeping");

        foreach (var other in new[] { second, split })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, "fills.csv")), File.ReadAllBytes(Path.Combine(other, "fills.csv")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, "deadletters.jsonl")), File.ReadAllBytes(Path.Combine(other, "deadletters.jsonl")));
        }

        Assert.Equal(WithoutTiming(first), WithoutTiming(second));
        var splitSummary = JsonNode.Parse(WithoutTiming(split))!.AsObject();
        splitSummary.Remove("placement");
        var firstSummary = JsonNode.Parse(WithoutTiming(first))!.AsObject();
        firstSummary.Remove("placement");
        Assert.Equal(firstSummary.ToJsonString(), splitSummary.ToJsonString());
    }

    private static string WithoutTiming(string dir)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!.AsObject();
        node.Remove("elapsed_ms");
        node.Remove("events_per_sec");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
