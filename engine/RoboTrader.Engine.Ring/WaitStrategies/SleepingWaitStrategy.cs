namespace RoboTrader.Engine.Ring.WaitStrategies;

/// <summary>
/// Spins, then yields, then sleeps between tries: little CPU when idle, at the cost of up to the sleep time in
/// latency after a quiet spell. Good for consumers off the critical path (journaling, persistence).
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private readonly int _retries;
    private readonly int _sleepMilliseconds;

    /// <summary>Creates the strategy: <paramref name="retries"/> tries (half spinning, half yielding) before sleeping.</summary>
    public SleepingWaitStrategy(int retries = 200, int sleepMilliseconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        ArgumentOutOfRangeException.ThrowIfNegative(sleepMilliseconds);
        _retries = retries;
        _sleepMilliseconds = sleepMilliseconds;
    }

    /// <inheritdoc />
    public bool IsBlockingStrategy => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, Sequence cursor, SequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        var counter = _retries;
        long available;
        while ((available = dependents.Value) < sequence)
        {
            if (barrier.IsAlerted)
            {
                return Sequence.InitialValue - 1;
            }

            if (counter > _retries / 2)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(_sleepMilliseconds);
            }
        }

        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}
