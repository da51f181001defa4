using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>Ring sizes and batch sizes, the same for both rings; taken from Disruptor-net's perf tests where they set them.</summary>
public static class ScenarioSettings
{
    /// <summary>Slots of the one-to-one rings (Disruptor-net: 64Ki; ours: <see cref="RingThroughput.RingSize"/>, the same).</summary>
    public const int OneToOneRingSize = 1 << 16;

    /// <summary>Slots of the pipeline ring (Disruptor-net's pipeline test: 8Ki).</summary>
    public const int PipelineRingSize = 1 << 13;

    /// <summary>Slots of each ping-pong ring (Disruptor-net's ping-pong test: 1Ki).</summary>
    public const int PingPongRingSize = 1 << 10;

    /// <summary>Events per claim in <c>1p1c-batch</c>: our harness's batch (<see cref="RingThroughput.BatchSize"/>).</summary>
    public const int BatchSize = RingThroughput.BatchSize;

    /// <summary>Events per claim in <c>1p1c-batch10</c>: Disruptor-net's batch-publisher test.</summary>
    public const int DisruptorBatchSize = 10;
}
