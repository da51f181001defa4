namespace RoboTrader.Engine.Ring.WaitStrategies;

/// <summary>
/// Blocks on a monitor until a producer publishes: no CPU when idle, microseconds of wake-up latency. Producers pay
/// for a signal only while some consumer is actually blocked.
/// </summary>
/// <remarks>
/// Lost wake-ups are impossible: a waiter registers itself (interlocked) before it re-reads the cursor under the
/// lock, and a producer's publish is a release store followed by the full fence in <see cref="SignalAllWhenBlocking"/>
/// before it reads the waiter count (Dekker-style). Downstream consumers whose upstream lags spin with back-off, as
/// in Disruptor.
/// </remarks>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private int _waiters;

    /// <inheritdoc />
    public bool IsBlockingStrategy => true;

    /// <inheritdoc />
    public long WaitFor(long sequence, Sequence cursor, SequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        if (cursor.Value < sequence)
        {
            lock (_gate)
            {
                Interlocked.Increment(ref _waiters);
                try
                {
                    while (cursor.Value < sequence)
                    {
                        if (barrier.IsAlerted)
                        {
                            return Sequence.InitialValue - 1;
                        }

                        Monitor.Wait(_gate);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiters);
                }
            }
        }

        var spin = default(SpinWait);
        long available;
        while ((available = dependents.Value) < sequence)
        {
            if (barrier.IsAlerted)
            {
                return Sequence.InitialValue - 1;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _waiters) == 0)
        {
            return;
        }

        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
