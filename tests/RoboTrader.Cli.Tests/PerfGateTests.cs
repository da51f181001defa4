using RoboTrader.Engine.PerfTests;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>The perf gate's logic without timing: reading the baseline, the pass/fail decision, clear errors.</summary>
public sealed class PerfGateTests
{
    private const string Valid = """
        {
          "about": "test",
          "max_bytes_per_event": 1.0,
          "scenarios": {
            "1p1c-yielding": { "per": "channels-1p1c", "ratio": 6.0, "tolerance": 0.35 },
            "memory-replay": { "per": "channels-1p1c", "ratio": 2.5, "tolerance": 0.35 },
            "pipeline-replay": { "per": "memory-replay", "ratio": 0.2, "tolerance": 0.5 }
          }
        }
        """;

    [Fact]
    public void Parse_ValidBaseline_EachScenarioKeepsItsReferenceRatioAndTolerance()
    {
        var baseline = GateBaseline.Parse(Valid);

        Assert.Equal("test", baseline.About);
        Assert.Equal(1.0, baseline.MaxBytesPerEvent);
        Assert.Equal(
            [new GateEntry("1p1c-yielding", "channels-1p1c", 6.0, 0.35), new GateEntry("memory-replay", "channels-1p1c", 2.5, 0.35), new GateEntry("pipeline-replay", "memory-replay", 0.2, 0.5)],
            baseline.Entries);
        Assert.Equal(["channels-1p1c", "memory-replay"], baseline.References);
    }

    [Fact]
    public void Check_RatioExactlyAtTheFloor_Passes()
    {
        var entry = new GateEntry("pipeline-replay", "memory-replay", 0.2, 0.5); // floor 0.1

        var outcome = entry.Check(1_000_000, 10_000_000);

        Assert.Equal(0.1, outcome.Ratio);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Check_RatioJustBelowTheFloor_Fails()
    {
        var entry = new GateEntry("pipeline-replay", "memory-replay", 0.2, 0.5);

        Assert.False(entry.Check(999_999, 10_000_000).Passed);
    }

    [Fact]
    public void Check_TwiceSlowerPipelineAtTheGatesTolerance_Fails()
    {
        // The pipeline at half its baseline ratio (a 2× regression) against a tolerance of 0.65.
        var entry = new GateEntry("pipeline-replay", "memory-replay", 0.24, 0.65);

        Assert.False(entry.Check(3_000_000, 25_000_000).Passed); // 0.12 < 0.156
        Assert.True(entry.Check(4_000_000, 25_000_000).Passed); // 0.16 ≥ 0.156: a 1.5× slowdown passes
    }

    [Fact]
    public void Check_ReferenceMeasuredNothing_Fails()
    {
        var outcome = new GateEntry("1p1c-yielding", "channels-1p1c", 6, 0.35).Check(100_000_000, 0);

        Assert.Equal(0, outcome.Ratio);
        Assert.False(outcome.Passed);
    }

    [Theory]
    [InlineData(", \"tolerance\": 0.5", "", "scenarios.pipeline-replay.tolerance must be a number (found nothing)")]
    [InlineData("\"tolerance\": 0.5", "\"tolerance\": 1.5", "scenarios.pipeline-replay.tolerance must be in (0, 1]")]
    [InlineData("\"tolerance\": 0.5", "\"tolerance\": \"0.5\"", "scenarios.pipeline-replay.tolerance must be a number (found \"0.5\")")]
    [InlineData("\"ratio\": 0.2", "\"ratio\": 0", "scenarios.pipeline-replay.ratio must be positive (found 0)")]
    [InlineData("\"per\": \"memory-replay\"", "\"per\": \"pipeline3\"", "scenarios.pipeline-replay.per must be one of channels-1p1c, memory-replay")]
    [InlineData("\"memory-replay\": { \"per\": \"channels-1p1c\"", "\"memory-replay\": { \"per\": \"memory-replay\"", "scenarios.memory-replay.per must be one of")]
    [InlineData("\"1p1c-yielding\":", "\"warp-drive\":", "scenarios.warp-drive: unknown scenario")]
    [InlineData("\"max_bytes_per_event\": 1.0", "\"max_bytes_per_event\": -1", "max_bytes_per_event must not be negative")]
    [InlineData("\"about\": \"test\",", "", "about must be a non-empty string (found nothing)")]
    [InlineData("\"scenarios\": {", "\"ratios\": {", "scenarios must be an object with at least one scenario (found nothing)")]
    public void Parse_BadKey_ErrorNamesTheKey(string find, string replace, string expected)
    {
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var ex = Assert.Throws<InvalidDataException>(() => GateBaseline.Parse(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var ex = Assert.Throws<InvalidDataException>(() => GateBaseline.Parse("{ \"about\": "));

        Assert.StartsWith("not JSON: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithRatios_RoundTrips_NewRatiosSameReferencesAndTolerances()
    {
        var baseline = GateBaseline.Parse(Valid);

        var again = GateBaseline.Parse(baseline.WithRatios(new Dictionary<string, double> { ["pipeline-replay"] = 0.23456, ["1p1c-yielding"] = 7 }));

        Assert.Equal(
            [new GateEntry("1p1c-yielding", "channels-1p1c", 7.0, 0.35), new GateEntry("memory-replay", "channels-1p1c", 2.5, 0.35), new GateEntry("pipeline-replay", "memory-replay", 0.235, 0.5)],
            again.Entries);
        Assert.Equal("test", again.About);
    }

    [Fact]
    public void CommittedBaseline_Parses_PipelineGatedTightlyAgainstMemory()
    {
        var baseline = GateBaseline.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "perf", "gate-baseline.json")));

        var pipeline = Assert.Single(baseline.Entries, e => e.Scenario == GateScenarios.PipelineReplay);
        Assert.Equal(GateScenarios.MemoryReplay, pipeline.Per);
        Assert.InRange(pipeline.Tolerance, 0.55, 0.75); // a 2× regression (ratio × 0.5) must fail
        Assert.Equal(0, baseline.MaxBytesPerEvent, 1.0);
    }

    [Fact]
    public void BenchGate_MalformedBaseline_UsageErrorNamingFileAndKey()
    {
        var path = Path.Combine(Path.GetTempPath(), "gate-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Valid.Replace("\"tolerance\": 0.5", "\"tolerance\": 0", StringComparison.Ordinal));
        try
        {
            var outcome = CliRunner.Run("bench", "gate", "--baseline", path, "--rounds", "1", "--seconds", "0.1");

            Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
            Assert.Contains($"--baseline '{path}': scenarios.pipeline-replay.tolerance must be in (0, 1]", outcome.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReplayFrames_SameSeed_SameBytesTimeOrderedRealMix()
    {
        var a = ReplayFrames.Generate(20_000, seed: 7);
        var b = ReplayFrames.Generate(20_000, seed: 7);

        var streams = new int[ReplayFrames.StreamCount];
        long previous = 0;
        for (var i = 0; i < a.Count; i++)
        {
            Assert.True(a.Frame(i).SequenceEqual(b.Frame(i)));
            Assert.InRange(a.Frame(i).Length, 20, 128); // inline in the slot, as real LEAN rows are
            var ms = long.Parse(a.Frame(i)[..a.Frame(i).IndexOf((byte)',')], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(ms > previous, $"frame {i} at {ms} ms is not after {previous}");
            previous = ms;
            var fields = a.Frame(i).Count((byte)',') + 1;
            Assert.Equal(ReplayFrames.FormatOf(a.StreamOf(i)) == Engine.Ingest.FrameFormat.LeanTradeTick ? 6 : 8, fields);
            streams[a.StreamOf(i)]++;
        }

        Assert.All(streams, n => Assert.True(n > 0));
        Assert.InRange((double)a.Trades / a.Count, 0.21, 0.25);
        Assert.InRange(previous, (9 * 3600_000) + 1800_000, 16 * 3600_000);
    }

    [Fact]
    public void PipelineReplay_ShortRun_EveryFrameParsedAndOrdersFlowThroughRisk()
    {
        var (summary, _) = ReplayThroughput.RunPipeline(TimeSpan.FromHours(1), maxFrames: 300_000);

        Assert.Equal(300_000, summary.Events);
        Assert.Equal(summary.Events, summary.Trades + summary.Quotes);
        Assert.Equal(0, summary.DeadLettered);
        Assert.True(summary.Orders > 100, $"{summary.Orders} orders");
        Assert.True(summary.Fills > 100, $"{summary.Fills} fills");
        Assert.True(summary.RiskClamped > 0, "no order was clamped: the limits are not biting");
        Assert.Equal(summary.Events, summary.ParsedStrict);
        // 300,000 frames are two whole sessions (Mon 8 and Tue 9 Jan 2024) and part of a third: all 8 streams of the second.
        Assert.Equal(8, summary.Sources.Count(s => s.Name.StartsWith("replay/20240109/", StringComparison.Ordinal) && s.ParsedStrict > 0));
    }
}
