using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Pipeline;

/// <summary>The pipeline allocates nothing per event in steady state: a run 10× longer allocates (almost) no more.</summary>
[Collection(AllocationBudgetCollection.Name)]
public sealed class AllocationBudgetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_TenTimesMoreEvents_AllocatesLessThanOneBytePerExtraEvent()
    {
        var small = Allocated(20_000);
        var large = Allocated(200_000);

        // Fixed costs (threads, files, buffers) are the same; per-event costs would add ≥ 180,000 × 8 bytes.
        var extraPerEvent = (double)(large - small) / 180_000;
        Assert.True(extraPerEvent < 1.0, $"allocated {small} B for 20k events and {large} B for 200k: {extraPerEvent:F2} B per extra event");
    }

    private long Allocated(int events)
    {
        var random = new Random(5);
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), "AAA", "BBB");
        long price = 1_000_000;
        for (var i = 0; i < events; i++)
        {
            price = Math.Max(100, price + random.Next(-300, 301));
            if (i % 3 == 0)
            {
                source.Quote(i % 2 == 0 ? "AAA" : "BBB", 34_200_000 + (i / 10), price - 100, price + 100);
            }
            else
            {
                source.Trade(i % 2 == 0 ? "AAA" : "BBB", 34_200_000 + (i / 10), price);
            }
        }

        var options = new BacktestOptions(
            _temp.Combine("run" + events),
            new SmaCrossOptions(5, 20, Quantity.FromUnits(100)),
            new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
            RiskOptions.Default,
            new PipelineOptions(1 << 12, WaitStrategyKind.Yielding, StagePlacement.Default),
            []);

        // Warm up the JIT so tiering does not count.
        BacktestRunner.Run(new ListFrameSource(new DateOnly(2013, 10, 7), "AAA").Trade("AAA", 1, 100), options with { OutputDirectory = _temp.Combine("warm" + events) });
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var summary = BacktestRunner.Run(source, options);
        var after = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(events, summary.Events);
        Assert.True(summary.Fills > 100, "the run should trade");
        return after - before;
    }
}
