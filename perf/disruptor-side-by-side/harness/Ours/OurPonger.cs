using RoboTrader.Engine.PerfTests;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.DisruptorSideBySide.Ours;

/// <summary>Answers every ping with a pong carrying the same value.</summary>
public sealed class OurPonger(RingBuffer<CountingEvent> pong) : IEventHandler<CountingEvent>
{
    private readonly RingBuffer<CountingEvent> _pong = pong;

    public void OnEvent(ref CountingEvent data, long sequence, bool endOfBatch)
    {
        var s = _pong.Next();
        _pong[s].Value = data.Value;
        _pong.Publish(s);
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
