using System.Diagnostics;
using Disruptor;
using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Engine.DisruptorSideBySide.Theirs;

/// <summary>Sends a ping on <paramref name="ping"/>, receives the pong as the handler of the pong ring, records the round trip, pauses, pings again.</summary>
public sealed class TheirPinger(RingBuffer<CountingEvent> ping, RoundTripRecorder recorder) : IEventHandler<CountingEvent>
{
    private readonly RingBuffer<CountingEvent> _ping = ping;
    private readonly RoundTripRecorder _recorder = recorder;
    private long _sentTicks;
    private long _counter;
    private long _expected;

    /// <summary>Round trips recorded (after the warm-up).</summary>
    public long RoundTrips { get; private set; }

    public void OnEvent(CountingEvent data, long sequence, bool endOfBatch)
    {
        var received = Stopwatch.GetTimestamp();
        if (data.Value != _expected)
        {
            _recorder.InvalidReply = true;
        }

        if (_recorder.Recording)
        {
            _recorder.Record(_sentTicks, received);
            RoundTrips++;
        }

        if (_recorder.StopRequested)
        {
            _recorder.Stopped.Set();
            return;
        }

        RoundTripRecorder.Pause(received);
        Send();
    }

    public void OnStart() => Send();

    private void Send()
    {
        _expected = _counter;
        _sentTicks = Stopwatch.GetTimestamp();
        var s = _ping.Next();
        _ping[s].Value = _counter;
        _ping.Publish(s);
        _counter++;
    }
}
