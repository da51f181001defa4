using System.Diagnostics;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// The gate's real-data-like scenarios over the same pre-generated session (<see cref="ReplayFrames"/>: four symbols,
/// 23 % trades and 77 % quotes):
/// <c>pipeline-replay</c>, the full six-stage backtest with the default pipeline options (ring size, placement,
/// batches), risk limits switched on and sma-cross trading; and <c>memory-replay</c>, the same frames copied by one
/// producer through a plain ring of fixed-size slots to a consumer that only reads them — the cost of moving the bytes
/// between the two cores on this machine, which none of the pipeline's code can change.
/// </summary>
public static class ReplayThroughput
{
    /// <summary>Frames in one generated session (about 5 MB: the producer's stream stays small beside the ring's slots).</summary>
    public const int FramesPerDay = 1 << 17;

    /// <summary>Trading days registered for a run: enough for 12 M frames, more than a gate round publishes.</summary>
    public const int Days = 96;

    /// <summary>Slots of the <c>memory-replay</c> ring: fixed here (the pipeline's default when the reference was made), so the
    /// reference does not move when the pipeline's default does.</summary>
    public const int ReferenceRingSize = 1 << 13;

    /// <summary>Frames the producer copies before it publishes them, as ingest does by default.</summary>
    public const int ReferencePublishBatch = 64;

    private static readonly Lazy<ReplayFrames> s_frames = new(() => ReplayFrames.Generate(FramesPerDay, seed: 20131007));

    /// <summary>The session every run replays (generated once per process, before any measurement).</summary>
    public static ReplayFrames Frames => s_frames.Value;

    /// <summary>
    /// The risk limits of <c>pipeline-replay</c>: position, notional (position and order), order rate (global and per
    /// symbol), price bands (last trade and quote mid), stale data and crossed quotes, so every limit's check runs on
    /// every event and some orders are clamped or refused, as in a real configuration (config/example.yaml).
    /// No loss, drawdown or exposure limit: their breach halts or reduces trading until a command, which would stop
    /// the orders for the rest of the run.
    /// </summary>
    public static RiskOptions Risk { get; } = new RiskOptions(Quantity.FromUnits(500), 10, false)
    {
        MaxPositionNotional = Units(50_000),
        MaxOrderNotional = Units(25_000),
        OrderRate = 4 * FixedPoint.Scale,
        OrderBurst = 10,
        SymbolOrderRate = FixedPoint.Scale,
        SymbolOrderBurst = 5,
        MidBandPercent = 2 * FixedPoint.Scale,
        StaleAfter = TimeSpan.FromMinutes(5),
        CrossedQuoteGuard = true,
    };

    /// <summary>
    /// Runs <c>pipeline-replay</c>: a warm-up of a quarter of <paramref name="duration"/> (at most 1 s), then
    /// <paramref name="duration"/> measured; returns the summary and the measured events per second.
    /// </summary>
    /// <remarks>
    /// The rate is per second of the stage thread's CPU time (<see cref="ReplayFrameSource.PerStageCpuSecond"/>): the
    /// stages are the bottleneck, and their CPU time per event is what our code decides, while the wall time per event
    /// also depends on how much of the two cores the neighbours leave.
    /// </remarks>
    public static (BacktestSummary Summary, double EventsPerSecond) RunPipeline(TimeSpan duration, long maxFrames = long.MaxValue)
    {
        var source = new ReplayFrameSource(Frames, Days, WarmUp(duration), duration, maxFrames);
        var outDir = Path.Combine(Path.GetTempPath(), "robotrader-replay-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = BacktestRunner.Run(source, Options(outDir));
            return (summary, source.PerStageCpuSecond);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>
    /// Bytes allocated per extra event of <c>pipeline-replay</c> (a run of 2 M frames minus a run of 200k, over the 1.8 M
    /// extra), and the summary of the long run (what the scenario did: trades, quotes, orders, fills, breaches).
    /// </summary>
    public static (double BytesPerEvent, BacktestSummary Summary) BytesPerEvent()
    {
        RunPipeline(TimeSpan.FromHours(1), 200_000); // warm-up: every rare path's first allocation (arrays grown once) happens here
        var (shortSummary, shortBytes) = Measure(200_000);
        var (longSummary, longBytes) = Measure(2_000_000);
        return (Math.Max(0, (double)(longBytes - shortBytes) / Math.Max(1, longSummary.Events - shortSummary.Events)), longSummary);

        static (BacktestSummary Summary, long Bytes) Measure(long frames)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var summary = RunPipeline(TimeSpan.FromHours(1), frames).Summary;
            return (summary, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
    }

    /// <summary>
    /// Runs <c>memory-replay</c> for a warm-up of a quarter of <paramref name="duration"/> (at most 1 s) and then
    /// <paramref name="duration"/>; returns frames per second of the producer's CPU time (its bottleneck: the consumer
    /// only reads), or per wall-clock second where per-thread CPU time is not available.
    /// </summary>
    public static double RunMemory(TimeSpan duration)
    {
        var frames = Frames;
        var ring = RingBuffer<CopySlot>.CreateSingleProducer(() => new CopySlot(), ReferenceRingSize);
        var consumer = new BatchEventProcessor<CopySlot, CopySlotHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), default);
        ring.AddGatingSequences(consumer.Sequence);
        var thread = new Thread(consumer.Run) { IsBackground = true };
        thread.Start();
        try
        {
            return Copy(ring, frames, WarmUp(duration), duration);
        }
        finally
        {
            consumer.Halt();
            thread.Join();
        }
    }

    // WARNING: compiled optimized at once (see RingThroughput): the warm-up must not be spent in tier-0 code. The
    // producer is the calling thread; it times its own window and its own CPU time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Copy(RingBuffer<CopySlot> ring, ReplayFrames frames, TimeSpan warmUp, TimeSpan measured)
    {
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = windowStart + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var self = ThreadCpu.CurrentThreadId();
        Dictionary<int, long> cpuAtStart = [];
        long copied = 0, atWindowStart = -1, now = start;
        var stamp = start;
        while (now < end)
        {
            for (var i = 0; i < frames.Count; i++)
            {
                var s = ring.Next();
                var slot = ring[s];
                slot.Source = frames.StreamOf(i);
                slot.SetFrame(frames.Frame(i));
                slot.ReceiveTimestamp = stamp;
                if ((s + 1) % ReferencePublishBatch != 0)
                {
                    continue;
                }

                ring.Publish(s);
                copied = s + 1;
                if ((copied & 1023) == 0)
                {
                    stamp = now = Stopwatch.GetTimestamp();
                    if (atWindowStart < 0 && now >= windowStart)
                    {
                        atWindowStart = copied;
                        cpuAtStart = ThreadCpu.Snapshot();
                        windowStart = now;
                    }
                    else if (now >= end)
                    {
                        break;
                    }
                }
            }
        }

        var cpu = ThreadCpu.Delta(cpuAtStart, ThreadCpu.Snapshot(), self);
        var frameCount = copied - atWindowStart;
        return cpu > 0 ? frameCount / (cpu / 1e9) : frameCount / ((double)(now - windowStart) / Stopwatch.Frequency);
    }

    private static TimeSpan WarmUp(TimeSpan duration) => TimeSpan.FromTicks(Math.Min(duration.Ticks / 4, TimeSpan.TicksPerSecond));

    private static Money Units(long units) => new((Int128)units * FixedPoint.Scale);

    // Every stage on the one consumer thread, whatever the default placement: the scenario counts events per second of
    // that thread's CPU time, so all the stages' work must be on it (the producer's CPU time includes waiting on a full ring).
    private static readonly PipelineOptions s_allStagesOnOneConsumer = PipelineOptions.Default with { Placement = StagePlacement.Parse("parse,risk,decide,execute,persist") };

    private static BacktestOptions Options(string outDir) => new(
        outDir,
        new SmaCrossOptions(20, 100, Quantity.FromUnits(100)),
        new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
        Risk,
        s_allStagesOnOneConsumer,
        []);
}
