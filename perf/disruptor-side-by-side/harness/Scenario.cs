namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>
/// A scenario run on both rings. Throughput scenarios return events per second (higher is better); latency
/// scenarios return round-trip percentiles (lower is better).
/// </summary>
/// <param name="Name">The name printed first on the result line.</param>
/// <param name="Ours">Runs once on our ring.</param>
/// <param name="Theirs">Runs once on Disruptor-net's ring.</param>
public sealed record Scenario(string Name, Func<TimeSpan, RunResult> Ours, Func<TimeSpan, RunResult> Theirs);
