namespace RoboTrader.Engine.Checkpoints;

/// <summary>The manifest of the last complete checkpoint of a run's state folder.</summary>
/// <param name="Id">The checkpoint id (the folder <c>checkpoints/&lt;id&gt;</c> holds each stage's state).</param>
/// <param name="Sequence">The ring sequence of the frame the checkpoint follows: a resume continues at the next one.</param>
/// <param name="Settings">The run's result-relevant options; a resume with other options is refused.</param>
public sealed record CheckpointRecord(long Id, long Sequence, string Settings);
