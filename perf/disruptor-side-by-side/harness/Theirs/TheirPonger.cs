using Disruptor;
using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Engine.DisruptorSideBySide.Theirs;

/// <summary>Answers every ping with a pong carrying the same value.</summary>
public sealed class TheirPonger(RingBuffer<CountingEvent> pong) : IEventHandler<CountingEvent>
{
    private readonly RingBuffer<CountingEvent> _pong = pong;

    public void OnEvent(CountingEvent data, long sequence, bool endOfBatch)
    {
        var s = _pong.Next();
        _pong[s].Value = data.Value;
        _pong.Publish(s);
    }
}
