using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// Claims sequences for producers and tracks which are published, never letting a producer wrap past the slowest
/// gating consumer. <see cref="SingleProducerSequencer"/> and <see cref="MultiProducerSequencer"/> are the two
/// implementations.
/// </summary>
public abstract class Sequencer
{
    private Sequence[] _gatingSequences = [];
    private IWaitStrategy[] _blockingStrategies = [];

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots (a power of two).</summary>
    protected Sequencer(int bufferSize)
    {
        RingMath.CheckBufferSize(bufferSize);
        BufferSize = bufferSize;
    }

    /// <summary>Number of slots in the ring.</summary>
    public int BufferSize { get; }

    /// <summary>The highest claimed (single producer: published) sequence.</summary>
    public Sequence Cursor { get; } = new();

    /// <summary>The sequences producers must not wrap past (the last consumers of the DAG).</summary>
    protected Sequence[] GatingSequences
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _gatingSequences);
    }

    /// <summary>Adds sequences producers must not overtake. Call before producers start.</summary>
    public void AddGatingSequences(params Sequence[] sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        Volatile.Write(ref _gatingSequences, [.. GatingSequences, .. sequences]);
    }

    /// <summary>Removes a gating sequence (a consumer that left); true if it was present.</summary>
    public bool RemoveGatingSequence(Sequence sequence)
    {
        var current = GatingSequences;
        var next = current.Where(s => !ReferenceEquals(s, sequence)).ToArray();
        Volatile.Write(ref _gatingSequences, next);
        return next.Length != current.Length;
    }

    /// <summary>Registers a blocking wait strategy that must be signalled on every publish.</summary>
    internal void RegisterBlockingStrategy(IWaitStrategy strategy)
    {
        if (strategy.IsBlockingStrategy && !_blockingStrategies.Contains(strategy))
        {
            Volatile.Write(ref _blockingStrategies, [.. _blockingStrategies, strategy]);
        }
    }

    /// <summary>Wakes blocked consumers; free when none uses a blocking strategy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void SignalBlockedConsumers()
    {
        var strategies = _blockingStrategies;
        if (strategies.Length != 0)
        {
            SignalSlow(strategies);
        }
    }

    private static void SignalSlow(IWaitStrategy[] strategies)
    {
        foreach (var s in strategies)
        {
            s.SignalAllWhenBlocking();
        }
    }

    /// <summary>The smallest gating sequence, or <paramref name="minimum"/>.</summary>
    protected long MinimumGatingSequence(long minimum) => RingMath.MinimumSequence(GatingSequences, minimum);

    /// <summary>The smallest gating sequence (or the cursor when there is none).</summary>
    public long MinimumSequence() => RingMath.MinimumSequence(GatingSequences, Cursor.Value);

    /// <summary>Free slots as seen now.</summary>
    public long RemainingCapacity() => BufferSize - (Cursor.Value - MinimumSequence());

    /// <summary>Claims the next sequence, waiting while the ring is full.</summary>
    public long Next() => Next(1);

    /// <summary>Claims <paramref name="n"/> sequences and returns the highest; waits while the ring is full.</summary>
    public abstract long Next(int n);

    /// <summary>Claims <paramref name="n"/> sequences without waiting; false when the ring lacks room.</summary>
    public abstract bool TryNext(int n, out long sequence);

    /// <summary>Publishes one claimed sequence.</summary>
    public abstract void Publish(long sequence);

    /// <summary>Publishes the claimed range <paramref name="low"/>..<paramref name="high"/>.</summary>
    public abstract void Publish(long low, long high);

    /// <summary>True when <paramref name="sequence"/> has been published.</summary>
    public abstract bool IsAvailable(long sequence);

    /// <summary>The highest sequence ≥ <paramref name="low"/>-1 such that every sequence from <paramref name="low"/> to it is published, at most <paramref name="available"/>.</summary>
    public abstract long GetHighestPublishedSequence(long low, long available);

    /// <summary>Creates a barrier for a consumer that waits for <paramref name="dependents"/> (none: the producers).</summary>
    public SequenceBarrier NewBarrier(IWaitStrategy waitStrategy, params Sequence[] dependents)
    {
        ArgumentNullException.ThrowIfNull(waitStrategy);
        RegisterBlockingStrategy(waitStrategy);
        return new SequenceBarrier(this, waitStrategy, dependents);
    }

    /// <summary>Throws for a claim size outside 1..BufferSize.</summary>
    protected void CheckClaim(int n)
    {
        if (n < 1 || n > BufferSize)
        {
            ThrowHelper.ThrowClaimOutOfRange(n, BufferSize);
        }
    }
}
