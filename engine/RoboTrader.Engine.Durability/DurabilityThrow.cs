using System.Diagnostics.CodeAnalysis;

namespace RoboTrader.Engine.Durability;

/// <summary>Throw sites kept out of the hot paths so that callers stay small and inlinable.</summary>
internal static class DurabilityThrow
{
    [DoesNotReturn]
    public static void SequenceNotIncreasing(long sequence, long last) =>
        throw new ArgumentOutOfRangeException(
            nameof(sequence), sequence, $"Journal sequences must increase; the last appended was {last}.");

    [DoesNotReturn]
    public static void CommitBehind(long sequence, long lastAppended, long lastCommitted) =>
        throw new ArgumentOutOfRangeException(
            nameof(sequence),
            sequence,
            $"A commit must cover the last appended sequence ({lastAppended}) and not go below the last commit ({lastCommitted}).");

    [DoesNotReturn]
    public static void RecordLength(int length, int max) =>
        throw new ArgumentException($"A journal record must be 1 to {max} bytes long; this one is {length}.", "record");
}
