namespace RoboTrader.Engine.Supervision;

/// <summary>A snapshot of one consumer thread: its stages, progress, lag behind the producers, faults.</summary>
/// <param name="Name">The fused stages, e.g. "parse+risk+decide".</param>
/// <param name="Sequence">The last sequence the thread finished.</param>
/// <param name="Lag">Published events it has yet to finish.</param>
/// <param name="Faults">Stage faults recorded on this thread.</param>
/// <param name="Running">True while the thread runs.</param>
public sealed record StageHealth(string Name, long Sequence, long Lag, long Faults, bool Running);
