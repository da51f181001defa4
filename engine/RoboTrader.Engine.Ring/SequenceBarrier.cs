using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// What one consumer waits on: the producers' cursor and the sequences of the consumers it depends on. Returns the
/// highest sequence the consumer may process, so a consumer can take a whole batch per wait.
/// </summary>
/// <remarks>Used by one consumer thread; <see cref="Alert"/> may be called from any thread.</remarks>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly SequenceGroup _dependents;
    private volatile bool _alerted;

    internal SequenceBarrier(Sequencer sequencer, IWaitStrategy waitStrategy, Sequence[] dependents)
    {
        _sequencer = sequencer;
        _waitStrategy = waitStrategy;
        _dependents = dependents.Length == 0 ? new SequenceGroup(sequencer.Cursor) : new SequenceGroup(dependents);
    }

    /// <summary>The wait strategy this barrier uses.</summary>
    public IWaitStrategy WaitStrategy => _waitStrategy;

    /// <summary>True after <see cref="Alert"/> until <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _alerted;
    }

    /// <summary>The producers' cursor.</summary>
    public long Cursor => _sequencer.Cursor.Value;

    /// <summary>
    /// Waits until <paramref name="sequence"/> can be processed; returns the highest processable sequence (≥ the
    /// argument), or a smaller value when the barrier was alerted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long WaitFor(long sequence)
    {
        var available = _waitStrategy.WaitFor(sequence, _sequencer.Cursor, _dependents, this);
        if (available < sequence)
        {
            return available;
        }

        return _sequencer.GetHighestPublishedSequence(sequence, available);
    }

    /// <summary>Asks the consumer to stop waiting (halt).</summary>
    public void Alert()
    {
        _alerted = true;
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert (before a restart).</summary>
    public void ClearAlert() => _alerted = false;
}
