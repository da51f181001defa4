using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// The sequences a consumer waits for: the ring's cursor when it reads straight from producers, or the sequences of
/// the upstream consumers it depends on (a DAG). <see cref="Value"/> is the minimum of them.
/// </summary>
public sealed class SequenceGroup
{
    private readonly Sequence[] _sequences;
    private readonly Sequence _single;

    /// <summary>Creates the group; at least one sequence.</summary>
    public SequenceGroup(params Sequence[] sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Length == 0)
        {
            throw new ArgumentException("a sequence group needs at least one sequence", nameof(sequences));
        }

        _sequences = (Sequence[])sequences.Clone();
        _single = _sequences[0];
    }

    /// <summary>Number of sequences in the group.</summary>
    public int Count => _sequences.Length;

    /// <summary>The smallest value in the group (acquire reads).</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _sequences.Length == 1 ? _single.Value : RingMath.MinimumSequence(_sequences, long.MaxValue);
    }
}
