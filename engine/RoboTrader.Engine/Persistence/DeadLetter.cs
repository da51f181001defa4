namespace RoboTrader.Engine.Persistence;

/// <summary>One dead letter read back from deadletters.jsonl.</summary>
/// <param name="Sequence">The ring sequence of the frame in its run.</param>
/// <param name="Source">The source's name (null when the source was unknown).</param>
/// <param name="Format">The source's format name (null when unknown).</param>
/// <param name="Error">The error code, e.g. E207.</param>
/// <param name="Reason">The reason, e.g. ParseBadSyntax.</param>
/// <param name="Frame">The frame's exact bytes.</param>
public sealed record DeadLetter(long Sequence, string? Source, string? Format, string Error, string Reason, byte[] Frame);
