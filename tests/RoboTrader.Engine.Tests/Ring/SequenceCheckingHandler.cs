using System.Runtime.CompilerServices;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>
/// Checks that events arrive in sequence order with no gap and that each slot holds the sequence the producer wrote
/// into it; optionally slow, holding each slot while it spins and re-reading it afterwards to catch an overwrite.
/// </summary>
public sealed class SequenceCheckingHandler : IEventHandler<LongEvent>
{
    private readonly int _spinPerEvent;
    private long _expected;

    public SequenceCheckingHandler(int spinPerEvent = 0) => _spinPerEvent = spinPerEvent;

    public long Count { get; private set; }

    public string? FirstError { get; private set; }

    public int StartCount { get; private set; }

    public int ShutdownCount { get; private set; }

    public long CountAtShutdown { get; private set; } = -1;

    public bool LastEndOfBatch { get; private set; }

    public void OnEvent(ref LongEvent data, long sequence, bool endOfBatch)
    {
        var value = data.Value;
        if (_spinPerEvent > 0)
        {
            Thread.SpinWait(_spinPerEvent);
            if ((sequence & 63) == 0)
            {
                Thread.Yield();
            }

            var reread = data.Value;
            if (reread != value)
            {
                Record($"slot of sequence {sequence} was overwritten with {reread} while being handled");
            }
        }

        if (sequence != _expected)
        {
            Record($"expected sequence {_expected}, got {sequence}");
        }

        if (value != sequence)
        {
            Record($"slot of sequence {sequence} holds {value}");
        }

        _expected = sequence + 1;
        LastEndOfBatch = endOfBatch;
        Count++;
    }

    public void OnStart() => StartCount++;

    public void OnShutdown()
    {
        ShutdownCount++;
        CountAtShutdown = Count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Record(string error) => FirstError ??= error;
}
