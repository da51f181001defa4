using System.CommandLine;
using System.Globalization;
using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// <c>robotrader bench gate</c>: the CI perf gate. Measures each scenario of the committed baseline and the references
/// they are divided by, alternately in one process (best of several short rounds each), forms ratios, and fails when a
/// ratio falls below its scenario's tolerance × its committed value, or when the pipeline allocates per event.
/// </summary>
/// <remarks>
/// Ratios measured in one run make the gate robust to a slower or busier machine, best-of-rounds to a passing
/// neighbour. The ring scenarios are divided by Channels (moves with the machine, not with our code); the pipeline
/// scenario by <c>memory-replay</c> (the same frames through a plain ring to a trivial consumer: moves with the
/// machine's caches and memory, not with the stages or the slot), so its ratio is the stages' and the slot's cost alone
/// and can carry a tight tolerance (perf/RESULTS.md has the spread it was chosen from).
/// </remarks>
public static class PerfGateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var baseline = new Option<string>("--baseline") { Description = "baseline file", DefaultValueFactory = _ => Path.Combine("perf", "gate-baseline.json") };
        var seconds = new Option<double>("--seconds") { Description = "length of one measurement round (after a warm-up of a quarter of it)", DefaultValueFactory = _ => 1.0 };
        var rounds = new Option<int>("--rounds") { Description = "rounds per scenario (the best counts)", DefaultValueFactory = _ => 5 };
        var write = new Option<string?>("--write-baseline") { Description = "write the baseline with the measured ratios to this file instead of checking" };
        var command = new Command("gate", "CI perf gate: ring and pipeline throughput as ratios to references measured in the same run, and allocation per event.")
        {
            baseline, seconds, rounds, write,
        };
        command.SetAction(parse => Run(output, parse.GetValue(baseline)!, BenchCommand.Duration(parse.GetValue(seconds)), parse.GetValue(rounds), parse.GetValue(write)));
        return command;
    }

    /// <summary>Reads and checks the baseline file; a bad one is a usage error naming the file and the key.</summary>
    internal static GateBaseline ReadBaseline(string path)
    {
        try
        {
            return GateBaseline.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new UsageException($"--baseline '{path}': {ex.Message}");
        }
    }

    /// <summary>The verdict line of one scenario.</summary>
    internal static string Line(GateOutcome o)
        => string.Create(CultureInfo.InvariantCulture, $"{(o.Passed ? "ok  " : "FAIL")} {o.Entry.Scenario,-16} {o.Rate,13:F0} /s  per {o.Entry.Per,-14} ratio {o.Ratio,8:F3}  baseline {o.Entry.Ratio,8:F3}  floor {o.Entry.Floor,8:F3} (x{o.Entry.Tolerance:F2})");

    private static int Run(TextWriter output, string baselinePath, TimeSpan round, int rounds, string? writePath)
    {
        if (rounds is < 1 or > 20)
        {
            throw new UsageException($"--rounds must be between 1 and 20 (got {rounds})");
        }

        var baseline = ReadBaseline(baselinePath);
        var c = CultureInfo.InvariantCulture;
        _ = ReplayThroughput.Frames; // generated here, never inside a measurement

        // Each round measures every reference and every scenario once, alternately, so a neighbour's burst lands on both
        // sides of some ratio rather than on one side of all of them; the best of the rounds counts.
        var names = baseline.References.Concat(baseline.Entries.Select(e => e.Scenario)).Distinct().ToList();
        var best = names.ToDictionary(n => n, _ => 0.0);
        for (var r = 0; r < rounds; r++)
        {
            foreach (var name in names)
            {
                best[name] = Math.Max(best[name], GateScenarios.Run(name, round));
            }
        }

        var (allocation, run) = ReplayThroughput.BytesPerEvent();
        foreach (var reference in baseline.References)
        {
            output.WriteLine(string.Create(c, $"reference {reference,-16} {best[reference],13:F0} /s"));
        }

        var failed = false;
        var measured = new Dictionary<string, double>();
        foreach (var entry in baseline.Entries)
        {
            var outcome = entry.Check(best[entry.Scenario], best[entry.Per]);
            measured[entry.Scenario] = outcome.Ratio;
            failed |= !outcome.Passed;
            output.WriteLine(Line(outcome));
            foreach (var other in baseline.References.Where(x => x != entry.Per && x != entry.Scenario))
            {
                output.WriteLine(string.Create(c, $"     {entry.Scenario,-16} (for comparison: per {other} {best[entry.Scenario] / best[other]:F3})"));
            }
        }

        output.WriteLine(string.Create(c, $"     {GateScenarios.PipelineReplay} run of {run.Events} events: {run.Trades} trades, {run.Quotes} quotes, {run.Orders} orders, {run.Fills} fills, {run.RiskClamped} clamped and {run.RiskRefused} refused by risk, {run.Breaches.Sum(b => b.Value)} breaches, {run.DeadLettered} dead letters"));
        var allocationOk = allocation <= baseline.MaxBytesPerEvent;
        failed |= !allocationOk;
        output.WriteLine(string.Create(c, $"{(allocationOk ? "ok  " : "FAIL")} {GateScenarios.PipelineReplay} allocation {allocation:F3} B/event (limit {baseline.MaxBytesPerEvent})"));

        if (writePath is not null)
        {
            File.WriteAllText(writePath, baseline.WithRatios(measured));
            output.WriteLine($"wrote {writePath}");
            return ExitCodes.Ok;
        }

        output.WriteLine(failed ? "perf gate: FAILED" : "perf gate: passed");
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
