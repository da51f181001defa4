using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// The full six-stage pipeline on synthetic trade ticks published as fast as the producer can (an unthrottled
/// <see cref="PacedFrameSource"/>), with the default deployment: events per second, and bytes allocated per event.
/// </summary>
public static class PipelineThroughput
{
    /// <summary>Runs for about <paramref name="duration"/>.</summary>
    public static BacktestSummary Run(TimeSpan duration)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "robotrader-pipeline-" + Guid.NewGuid().ToString("N"));
        try
        {
            // 20 M/s offered: more than the pipeline takes, so the producer never waits for the schedule.
            return BacktestRunner.Run(new PacedFrameSource(20_000_000, duration), Options(outDir));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>Bytes allocated per extra event: a run ten times longer minus a short run, divided by the extra events.</summary>
    public static double BytesPerEvent()
    {
        Run(TimeSpan.FromMilliseconds(100)); // warm-up
        var (shortEvents, shortBytes) = Measure(TimeSpan.FromMilliseconds(50));
        var (longEvents, longBytes) = Measure(TimeSpan.FromMilliseconds(500));
        return Math.Max(0, (double)(longBytes - shortBytes) / Math.Max(1, longEvents - shortEvents));
    }

    private static (long Events, long Bytes) Measure(TimeSpan duration)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var summary = Run(duration);
        return (summary.Events, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static BacktestOptions Options(string outDir) => new(
        outDir,
        new SmaCrossOptions(20, 100, Quantity.FromUnits(100)),
        new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
        RiskOptions.Default,
        PipelineOptions.Default,
        []);
}
