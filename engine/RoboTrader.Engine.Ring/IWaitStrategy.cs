namespace RoboTrader.Engine.Ring;

/// <summary>
/// How a consumer waits for a sequence to become available: the trade-off between latency and CPU.
/// </summary>
/// <remarks>
/// Called only from the consumer's own thread. An implementation must return as soon as
/// <c>dependents</c> reaches <c>sequence</c>, and must return a value smaller than
/// <c>sequence</c> promptly when the barrier is alerted (halt).
/// </remarks>
public interface IWaitStrategy
{
    /// <summary>True when producers must call <see cref="SignalAllWhenBlocking"/> after publishing.</summary>
    bool IsBlockingStrategy { get; }

    /// <summary>Waits until <paramref name="dependents"/> ≥ <paramref name="sequence"/>; returns the available value, or less than <paramref name="sequence"/> if alerted.</summary>
    long WaitFor(long sequence, Sequence cursor, SequenceGroup dependents, SequenceBarrier barrier);

    /// <summary>Wakes consumers blocked in <see cref="WaitFor"/> (after a publish or an alert).</summary>
    void SignalAllWhenBlocking();
}
