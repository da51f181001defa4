using System.Diagnostics;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// What durability costs on the full pipeline, with synthetic LEAN ticks: events per second without a state folder
/// and with the journal, ledger and checkpoints on (same frames, one run after the other); each checkpoint's stall of
/// the stage thread; and recovery — stores recovered and the journal's frames after the checkpoint replayed through
/// the pipeline — after a crash that leaves about <c>events</c> journaled frames past the last checkpoint.
/// </summary>
public static class DurabilityHarness
{
    /// <summary>The figures of one run.</summary>
    /// <param name="Events">Frames per throughput run.</param>
    /// <param name="OffPerSecond">Events per second without a state folder.</param>
    /// <param name="OnPerSecond">Events per second with journal, ledger and checkpoints.</param>
    /// <param name="JournalBytes">Size of the journal folder after the run with state.</param>
    /// <param name="Pauses">Checkpoint stalls (ns) of the run with state.</param>
    /// <param name="Replayed">Frames recovery replayed from the journal.</param>
    /// <param name="RecoverySeconds">Time of the resumed run: opening the state, recovering every store, replaying the
    /// journal through the pipeline, and skipping the already-journaled frames of the source.</param>
    /// <param name="Parts">Where each checkpoint's time went: the stall and the parts completed off the stage thread.</param>
    public sealed record Result(long Events, double OffPerSecond, double OnPerSecond, long JournalBytes, LatencyHistogram Pauses, long Replayed, double RecoverySeconds, CheckpointMetrics Parts);

    /// <summary>Runs the three measurements in folders under <paramref name="root"/> (removed afterwards).</summary>
    /// <param name="events">Frames per throughput run, and the journaled frames recovery replays (about).</param>
    /// <param name="checkpointEvery">Checkpoint interval of the throughput run with state.</param>
    /// <param name="root">Where the state folders go (the disk being measured).</param>
    /// <param name="compression">How the journal's blocks are written.</param>
    /// <param name="outputSync">Background sync interval of the output files (zero: fsync at each checkpoint on persist's thread).</param>
    public static Result Run(long events, long checkpointEvery, string root, JournalCompression compression = JournalCompression.Delta, TimeSpan? outputSync = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1000);
        var dir = Path.Combine(root, "robotrader-durability-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Warm-up: a small run of each configuration first, so that both measured runs start with their code compiled
            // (tiered compilation is off; the backtest command's --state warm-up does the same): otherwise the run with
            // state compiled the journal's, FASTER's and the checkpoints' code inside its timed window.
            BacktestRunner.Run(Source(WarmUpEvents), Options(Path.Combine(dir, "warm-off")));
            BacktestRunner.Run(Source(WarmUpEvents), WithState(Path.Combine(dir, "warm-on"), WarmUpEvents / 4, compression));

            var off = BacktestRunner.Run(Source(events), Options(Path.Combine(dir, "off")));
            var pauses = new LatencyHistogram();
            var parts = new CheckpointMetrics();
            var onOptions = WithState(Path.Combine(dir, "on"), checkpointEvery, compression) with { CheckpointPauses = pauses, CheckpointMetrics = parts };
            var on = BacktestRunner.Run(Source(events), outputSync is { } sync ? onOptions with { OutputSyncInterval = sync } : onOptions);
            var journalBytes = new DirectoryInfo(Path.Combine(dir, "on", "state", StateFiles.JournalFolder)).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

            // Recovery: a checkpoint after `events` frames, a crash before the second one (the source has one frame
            // less than it needs), then the same command again.
            var crashOptions = WithState(Path.Combine(dir, "crash"), events, compression) with
            {
                JournalCommitInterval = TimeSpan.FromMilliseconds(1), // so the crash leaves most frames committed
            };
            try
            {
                BacktestRunner.Run(new CrashingSource(Source((2 * events) - 1), (2 * events) - 2), crashOptions);
            }
            catch (SimulatedCrashException)
            {
            }

            var manifest = CheckpointCoordinator.ReadManifest(crashOptions.StateDirectory!)
                ?? throw new InvalidOperationException("the crashed run left no checkpoint");
            long committed;
            var (journal, _) = JournalFiles.OpenExisting(Path.Combine(crashOptions.StateDirectory!, StateFiles.JournalFolder));
            using (journal)
            {
                committed = journal.RecoveredSequence;
            }

            var started = Stopwatch.GetTimestamp();
            BacktestRunner.Run(Source((2 * events) - 1), crashOptions);
            var recovery = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return new Result(events, Rate(off), Rate(on), journalBytes, pauses, committed - manifest.Sequence, recovery, parts);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Frames of each warm-up run.</summary>
    public const int WarmUpEvents = 20_000;

    private static double Rate(BacktestSummary summary) => summary.Events / (summary.ElapsedMilliseconds / 1000.0);

    // 20 M/s offered: the producer never waits for the schedule; the frames (a seeded random walk) are the same in
    // every run.
    private static PacedFrameSource Source(long events) => new(20_000_000, TimeSpan.FromHours(1), maxFrames: events);

    /// <summary>The options with a state folder (<c>state</c> below <paramref name="outDir"/>), checkpoints and the journal's block kind.</summary>
    private static BacktestOptions WithState(string outDir, long checkpointEvery, JournalCompression compression) => Options(outDir) with
    {
        StateDirectory = Path.Combine(outDir, "state"),
        CheckpointEvery = checkpointEvery,
        JournalCompression = compression,
    };

    private static BacktestOptions Options(string outDir) => new(
        outDir,
        new SmaCrossOptions(20, 100, Quantity.FromUnits(100)),
        new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
        RiskOptions.Default,
        PipelineOptions.Default,
        []);

    /// <summary>Thrown by <see cref="CrashingSource"/>: the run stops as if killed (the journal is not closed).</summary>
    private sealed class SimulatedCrashException() : Exception("simulated crash");

    /// <summary>Runs <paramref name="inner"/> until ingest has published <paramref name="frames"/> frames, then throws.</summary>
    private sealed class CrashingSource(IFrameSource inner, long frames) : IFrameSource
    {
        public Core.Market.SymbolTable Symbols => inner.Symbols;

        public void RegisterSources(SourceRegistry registry) => inner.RegisterSources(registry);

        public void Run(IngestStage ingest, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var watcher = new Timer(_ =>
            {
                if (ingest.Published >= frames)
                {
                    stop.Cancel();
                }
            }, null, 0, 1);
            inner.Run(ingest, stop.Token);
            throw new SimulatedCrashException();
        }
    }
}
