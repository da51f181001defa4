using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// <c>robotrader bench gate</c>: the CI perf gate. Measures each scenario of the committed baseline and the Channels
/// baseline alternately in one process (best of several short rounds each), forms ratios, and fails when a ratio
/// falls below tolerance × its committed value, or when the pipeline allocates per event. Ratios measured in one
/// run make it robust to a slower or busier machine; best-of-rounds makes it robust to a passing neighbour.
/// </summary>
public static class PerfGateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var baseline = new Option<string>("--baseline") { Description = "baseline file", DefaultValueFactory = _ => Path.Combine("perf", "gate-baseline.json") };
        var seconds = new Option<double>("--seconds") { Description = "length of one measurement round (after a warm-up of a quarter of it)", DefaultValueFactory = _ => 1.0 };
        var rounds = new Option<int>("--rounds") { Description = "rounds per scenario (the best counts)", DefaultValueFactory = _ => 3 };
        var write = new Option<string?>("--write-baseline") { Description = "write the measured ratios to this file instead of checking" };
        var command = new Command("gate", "CI perf gate: ring and pipeline throughput as ratios to Channels, and allocation per event.")
        {
            baseline, seconds, rounds, write,
        };
        command.SetAction(parse => Run(output, parse.GetValue(baseline)!, BenchCommand.Duration(parse.GetValue(seconds)), parse.GetValue(rounds), parse.GetValue(write)));
        return command;
    }

    private static int Run(TextWriter output, string baselinePath, TimeSpan round, int rounds, string? writePath)
    {
        if (rounds is < 1 or > 20)
        {
            throw new UsageException($"--rounds must be between 1 and 20 (got {rounds})");
        }

        JsonObject file;
        try
        {
            file = JsonNode.Parse(File.ReadAllText(baselinePath))!.AsObject();
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new UsageException($"--baseline '{baselinePath}' is not a readable baseline file: {ex.Message}");
        }

        var tolerance = file["tolerance"]!.GetValue<double>();
        var expected = file["ratios"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<double>());
        var maxBytes = file["max_bytes_per_event"]!.GetValue<double>();
        var c = CultureInfo.InvariantCulture;

        double channels = 0;
        var best = expected.Keys.ToDictionary(k => k, _ => 0.0);
        for (var r = 0; r < rounds; r++)
        {
            channels = Math.Max(channels, RingThroughput.Run("channels-1p1c", round));
            foreach (var name in expected.Keys)
            {
                var value = name == "pipeline-synthetic" ? PipelineThroughput.Run(round).EventsPerSecond : RingThroughput.Run(name, round);
                best[name] = Math.Max(best[name], value);
            }
        }

        var allocation = PipelineThroughput.BytesPerEvent();
        output.WriteLine(string.Create(c, $"channels-1p1c {channels:F0} ops/s (the denominator)"));
        var failed = false;
        var measured = new JsonObject();
        foreach (var (name, baselineRatio) in expected)
        {
            var ratio = best[name] / channels;
            measured[name] = Math.Round(ratio, 2);
            var ok = ratio >= tolerance * baselineRatio;
            failed |= !ok;
            output.WriteLine(string.Create(c, $"{(ok ? "ok  " : "FAIL")} {name,-20} {best[name],14:F0} ops/s  ratio {ratio,7:F2}  baseline {baselineRatio,7:F2}  floor {tolerance * baselineRatio,7:F2}"));
        }

        var allocationOk = allocation <= maxBytes;
        failed |= !allocationOk;
        output.WriteLine(string.Create(c, $"{(allocationOk ? "ok  " : "FAIL")} pipeline allocation {allocation:F3} B/event (limit {maxBytes})"));

        if (writePath is not null)
        {
            file["ratios"] = measured;
            File.WriteAllText(writePath, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            output.WriteLine($"wrote {writePath}");
            return ExitCodes.Ok;
        }

        output.WriteLine(failed ? "perf gate: FAILED" : "perf gate: passed");
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
