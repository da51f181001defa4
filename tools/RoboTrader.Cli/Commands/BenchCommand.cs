using System.CommandLine;
using System.Globalization;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.PerfTests;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// <c>robotrader bench</c>: the throughput and latency harness. <c>ring</c> runs one ring scenario and prints
/// <c>&lt;scenario&gt; &lt;ops per second&gt;</c> as its last line; <c>latency</c> measures tick-to-order latency under a
/// steady offered load; <c>gate</c> is the CI perf gate (ratios against a committed baseline).
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var bench = new Command("bench", "Measure the ring and the pipeline.");
        bench.Subcommands.Add(Ring(output));
        bench.Subcommands.Add(Latency(output));
        bench.Subcommands.Add(PerfGateCommand.Create(output));
        bench.Subcommands.Add(Durability(output));
        return bench;
    }

    private static Command Ring(TextWriter output)
    {
        var scenario = new Option<string>("--scenario") { Description = "one of: " + string.Join(", ", RingThroughput.Scenarios), Required = true };
        var seconds = new Option<double>("--seconds") { Description = "how long to run", DefaultValueFactory = _ => 5 };
        var command = new Command("ring", "Ring throughput for one scenario; last line: '<scenario> <ops per second>'.") { scenario, seconds };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(scenario)!;
            if (!RingThroughput.Scenarios.Contains(name))
            {
                throw new UsageException($"--scenario '{name}' is not one of {string.Join(", ", RingThroughput.Scenarios)}");
            }

            var duration = Duration(parse.GetValue(seconds));
            var opsPerSecond = RingThroughput.Run(name, duration);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {opsPerSecond:F0}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Latency(TextWriter output)
    {
        var rate = new Option<long>("--rate") { Description = "offered load, events per second", DefaultValueFactory = _ => 100_000 };
        var seconds = new Option<double>("--seconds") { Description = "how long to measure (after a 1 s warm-up)", DefaultValueFactory = _ => 10 };
        var wait = new Option<string>("--wait") { Description = "consumer wait strategy, or one per placement group separated by '|' (e.g. busy-spin|sleeping)", DefaultValueFactory = _ => "busy-spin" };
        var placement = new Option<string>("--placement") { Description = "stages per thread", DefaultValueFactory = _ => StagePlacement.Default.ToString() };
        var pin = new Option<bool>("--pin-threads") { Description = "pin the producer to CPU 0 and each stage thread to a CPU of its own" };
        var command = new Command("latency", "Tick-to-order latency (receive stamp to order leaving execute) at a steady offered load.") { rate, seconds, wait, placement, pin };
        command.SetAction(parse =>
        {
            var offered = parse.GetValue(rate);
            if (offered < 1 || offered > 50_000_000)
            {
                throw new UsageException($"--rate must be between 1 and 50000000 events per second (got {offered})");
            }

            var result = LatencyHarness.Run(offered, Duration(parse.GetValue(seconds)), CliValues.WaitStrategies("--wait", parse.GetValue(wait)), CliValues.Placement("--placement", parse.GetValue(placement)), parse.GetValue(pin));
            var h = result.Histogram;
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"offered {result.OfferedPerSecond:F0} events/s for {result.Events} events; {h.Count} orders measured; {result.LateFrames} frames published >10 µs late"));
            output.WriteLine(string.Create(c, $"tick-to-order latency (µs): p50 {Micros(h.ValueAtPercentile(50))} p99 {Micros(h.ValueAtPercentile(99))} p99.9 {Micros(h.ValueAtPercentile(99.9))} max {Micros(h.Max)}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Durability(TextWriter output)
    {
        var events = new Option<long>("--events") { Description = "frames per throughput run, and about how many journaled frames recovery replays", DefaultValueFactory = _ => 1_000_000 };
        var every = new Option<long>("--checkpoint-every") { Description = "checkpoint interval of the run with state", DefaultValueFactory = _ => 100_000 };
        var root = new Option<string>("--dir") { Description = "where the state folders go (the disk measured)", DefaultValueFactory = _ => Path.GetTempPath() };
        var compressionOption = new Option<string>("--journal-compression") { Description = "how the journal's blocks are written: delta (default, as in backtest), none or brotli" };
        var sync = new Option<int?>("--output-sync-ms") { Description = "background sync interval of the output files in ms (0: fsync them at each checkpoint on persist's thread; default: the engine's)" };
        var command = new Command("durability", "Throughput with and without the journal and checkpoints, checkpoint stalls, and recovery time.") { events, every, root, compressionOption, sync };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(events);
            if (n < 1000)
            {
                throw new UsageException($"--events must be at least 1000 (got {n})");
            }

            var interval = parse.GetValue(every);
            if (interval < 1)
            {
                throw new UsageException($"--checkpoint-every must be positive (got {interval})");
            }

            var syncMs = parse.GetValue(sync);
            if (syncMs is < 0 or > 60_000)
            {
                throw new UsageException($"--output-sync-ms must be between 0 and 60000 (got {syncMs})");
            }

            var compression = CliValues.JournalCompression("--journal-compression", parse.GetValue(compressionOption)); // the backtest's default: delta
            var r = DurabilityHarness.Run(n, interval, parse.GetValue(root)!, compression, syncMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
            var c = CultureInfo.InvariantCulture;
            var p = r.Pauses;
            output.WriteLine(string.Create(c, $"throughput: {r.OffPerSecond:F0} events/s without state, {r.OnPerSecond:F0} with journal + ledger + checkpoints every {interval} ({r.OnPerSecond / r.OffPerSecond:P1}); journal {r.JournalBytes / 1e6:F1} MB ({(double)r.JournalBytes / r.Events:F1} B/event)"));
            output.WriteLine(string.Create(c, $"checkpoint stall (µs, {p.Count} group checkpoints): p50 {Micros(p.ValueAtPercentile(50))} p99 {Micros(p.ValueAtPercentile(99))} max {Micros(p.Max)}"));
            var m = r.Parts;
            output.WriteLine(string.Create(c, $"checkpoint parts (µs, p50 / p99 / max): stall {Spread(m.Stall)} (store busy {Spread(m.StallStoreBusy)}, state written {Spread(m.StallWriteState)}, store write + version flip {Spread(m.StallStore)}); off the stage thread: store flush {Spread(m.StoreFlush)}, outputs synced {Spread(m.Outputs)}, journal commit {Spread(m.JournalCommit)}, manifest {Spread(m.Manifest)}; barrier to durable manifest {Spread(m.Latency)} ({m.Latency.Count} checkpoints)"));
            output.WriteLine(string.Create(c, $"recovery: {r.Replayed} journaled frames replayed in {r.RecoverySeconds:F2} s ({r.Replayed / r.RecoverySeconds:F0} frames/s, stores recovered and the source skipped included)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Spread(RoboTrader.Engine.Diagnostics.LatencyHistogram h) => $"{Micros(h.ValueAtPercentile(50))} / {Micros(h.ValueAtPercentile(99))} / {Micros(h.Max)}";

    private static string Micros(long nanos) => (nanos / 1000.0).ToString("F2", CultureInfo.InvariantCulture);

    internal static TimeSpan Duration(double seconds)
    {
        if (!(seconds > 0 && seconds <= 3600))
        {
            throw new UsageException($"--seconds must be between 0 and 3600 (got {seconds.ToString(CultureInfo.InvariantCulture)})");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
