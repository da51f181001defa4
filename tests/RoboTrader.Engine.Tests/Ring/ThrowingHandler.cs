using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>Throws on every sequence where <c>sequence % every == remainder</c>; counts the events it handled.</summary>
public sealed class ThrowingHandler : IEventHandler<LongEvent>
{
    private readonly long _every;
    private readonly long _remainder;

    public ThrowingHandler(long every, long remainder)
    {
        _every = every;
        _remainder = remainder;
    }

    public long Handled { get; private set; }

    public int ShutdownCount { get; private set; }

    public void OnEvent(ref LongEvent data, long sequence, bool endOfBatch)
    {
        if (sequence % _every == _remainder)
        {
            throw new InvalidOperationException($"handler failed on {sequence}");
        }

        Handled++;
    }

    public void OnStart()
    {
    }

    public void OnShutdown() => ShutdownCount++;
}
