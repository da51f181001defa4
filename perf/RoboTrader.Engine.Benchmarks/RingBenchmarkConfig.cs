using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// Short but honest: one launch, 3 warm-ups, 10 measured iterations (5 left 80% error margins on this busy machine), and exactly one invocation per iteration, since
/// one invocation already moves millions of events (long enough to time, and the ring's state carries over).
/// </summary>
public sealed class RingBenchmarkConfig : ManualConfig
{
    public RingBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("Ring"));
    }
}
