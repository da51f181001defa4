using RoboTrader.Engine.DisruptorSideBySide.Ours;
using RoboTrader.Engine.DisruptorSideBySide.Theirs;
using OurWait = RoboTrader.Engine.Ring.WaitStrategies;
using TheirWait = Disruptor;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>The scenarios, named as in perf/RoboTrader.Engine.PerfTests/RingThroughput.cs where they exist there.</summary>
public static class Scenarios
{
    /// <summary>Every scenario, in the order they run.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("1p1c-yielding",
            d => RunResult.Rate(OurRing.OneToOne(d, new OurWait.YieldingWaitStrategy(), 1)),
            d => RunResult.Rate(TheirRing.OneToOne(d, new TheirWait.YieldingWaitStrategy(), 1))),
        new("1p1c-value-yielding",
            d => RunResult.Rate(OurRing.OneToOneValue(d)),
            d => RunResult.Rate(TheirRing.OneToOneValue(d))),
        new("1p1c-batch",
            d => RunResult.Rate(OurRing.OneToOne(d, new OurWait.YieldingWaitStrategy(), ScenarioSettings.BatchSize)),
            d => RunResult.Rate(TheirRing.OneToOne(d, new TheirWait.YieldingWaitStrategy(), ScenarioSettings.BatchSize))),
        new("1p1c-batch10",
            d => RunResult.Rate(OurRing.OneToOne(d, new OurWait.YieldingWaitStrategy(), ScenarioSettings.DisruptorBatchSize)),
            d => RunResult.Rate(TheirRing.OneToOne(d, new TheirWait.YieldingWaitStrategy(), ScenarioSettings.DisruptorBatchSize))),
        new("1p1c-blocking",
            d => RunResult.Rate(OurRing.OneToOne(d, new OurWait.BlockingWaitStrategy(), 1)),
            d => RunResult.Rate(TheirRing.OneToOne(d, new TheirWait.BlockingWaitStrategy(), 1))),
        new("pipeline3",
            d => RunResult.Rate(OurRing.Pipeline3(d)),
            d => RunResult.Rate(TheirRing.Pipeline3(d))),
        new("pingpong",
            d => RunResult.Of(OurRing.PingPong(d)),
            d => RunResult.Of(TheirRing.PingPong(d))),
    ];
}
