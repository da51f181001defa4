namespace RoboTrader.Cli.Progress;

/// <summary>What a run has done at one moment, as seen from the progress thread.</summary>
/// <param name="Events">Frames published into the ring so far.</param>
/// <param name="Fraction">Share of the input read, in [0, 1]; null when the source cannot tell (a recording).</param>
/// <param name="Elapsed">Wall-clock time since the run started (display only: never reaches the engine).</param>
public readonly record struct ProgressSnapshot(long Events, double? Fraction, TimeSpan Elapsed);
