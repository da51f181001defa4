namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>The outcome of one run: a throughput (events per second) or a latency result, never both.</summary>
public readonly record struct RunResult(double EventsPerSecond, LatencyResult? Latency)
{
    /// <summary>A throughput run's result.</summary>
    public static RunResult Rate(double eventsPerSecond) => new(eventsPerSecond, null);

    /// <summary>A latency run's result.</summary>
    public static RunResult Of(LatencyResult latency) => new(0, latency);
}
