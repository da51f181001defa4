namespace RoboTrader.Engine.PerfTests;

/// <summary>The scenarios the perf gate can measure, and the references it may divide them by.</summary>
public static class GateScenarios
{
    /// <summary>The full pipeline on the pre-generated four-symbol session (<see cref="ReplayThroughput"/>).</summary>
    public const string PipelineReplay = "pipeline-replay";

    /// <summary>The same frames through a plain ring to a trivial consumer (<see cref="ReplayThroughput.RunMemory"/>).</summary>
    public const string MemoryReplay = "memory-replay";

    /// <summary>The bounded System.Threading.Channels baseline.</summary>
    public const string Channels = "channels-1p1c";

    /// <summary>
    /// References: measured in the same run as the scenarios, so a slower or busier machine moves both sides of a
    /// ratio. Channels moves with the machine and with nothing of ours; memory-replay moves with the machine's cache and
    /// memory and with our ring, never with the pipeline's stages or slot.
    /// </summary>
    public static IReadOnlyList<string> References { get; } = [Channels, MemoryReplay];

    /// <summary>Every name a baseline may use.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. RingThroughput.Scenarios, PipelineReplay, MemoryReplay];

    /// <summary>Measures <paramref name="name"/> once (its own warm-up, then <paramref name="duration"/>); events per second.</summary>
    public static double Run(string name, TimeSpan duration) => name switch
    {
        PipelineReplay => ReplayThroughput.RunPipeline(duration).EventsPerSecond,
        MemoryReplay => ReplayThroughput.RunMemory(duration),
        _ => RingThroughput.Run(name, duration),
    };
}
