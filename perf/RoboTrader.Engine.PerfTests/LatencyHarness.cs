using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// Tick-to-order latency inside the engine: a paced source offers trade ticks at a steady rate through the full
/// pipeline (sma-cross 1/2, which orders on about half the ticks); each order records the time from its tick's
/// receive stamp to the order leaving execute.
/// </summary>
public static class LatencyHarness
{
    /// <summary>The result of a run.</summary>
    public sealed record Result(LatencyHistogram Histogram, long Events, long LateFrames, double OfferedPerSecond);

    /// <summary>Runs for <paramref name="duration"/> at <paramref name="eventsPerSecond"/>, writing outputs to a temp folder.</summary>
    public static Result Run(long eventsPerSecond, TimeSpan duration, (WaitStrategyKind Wait, IReadOnlyList<WaitStrategyKind>? PerGroup) wait, StagePlacement placement, bool pinThreads = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerSecond, 1);
        var outDir = Path.Combine(Path.GetTempPath(), "robotrader-latency-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Warm-up: one second at the same rate so the JIT has compiled the hot path at full tier.
            Once(eventsPerSecond, TimeSpan.FromSeconds(1), wait, placement, pinThreads, outDir, new LatencyHistogram());
            var histogram = new LatencyHistogram();
            var (events, late) = Once(eventsPerSecond, duration, wait, placement, pinThreads, outDir, histogram);
            return new Result(histogram, events, late, eventsPerSecond);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    private static (long Events, long Late) Once(long rate, TimeSpan duration, (WaitStrategyKind Wait, IReadOnlyList<WaitStrategyKind>? PerGroup) wait, StagePlacement placement, bool pinThreads, string outDir, LatencyHistogram histogram)
    {
        var source = new PacedFrameSource(rate, duration);
        var options = new BacktestOptions(
            outDir,
            new SmaCrossOptions(1, 2, Quantity.FromUnits(100)),
            new ExecutionOptions(default),
            RiskOptions.Default,
            new PipelineOptions(PipelineOptions.Default.RingSize, wait.Wait, placement, PinThreads: pinThreads, GroupWaits: wait.PerGroup),
            []);
        var summary = BacktestRunner.Run(source, options, histogram);
        return (summary.Events, source.LateFrames);
    }
}
