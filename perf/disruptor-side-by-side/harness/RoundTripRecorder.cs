using System.Diagnostics;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Diagnostics;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>
/// What a ping-pong pinger shares with the main thread: when to record and when to stop, the histogram of round
/// trips (ns) and the pause between them. Recording corrects for coordinated omission the way Disruptor-net's
/// latency test does (HdrHistogram's RecordValueWithExpectedInterval): a round trip longer than the pause also
/// records the round trips that would have been sent during it.
/// </summary>
public sealed class RoundTripRecorder
{
    /// <summary>Pause between a reply and the next ping, as in Disruptor-net's ping-pong test.</summary>
    public const long PauseNanos = 1000;

    private static readonly double s_nanosPerTick = 1e9 / Stopwatch.Frequency;

    private volatile bool _recording;
    private volatile bool _stopRequested;

    /// <summary>The round trips recorded (only read after <see cref="Stopped"/> is set).</summary>
    public LatencyHistogram Histogram { get; } = new();

    /// <summary>Set by the pinger when it has seen the stop request and sends no more.</summary>
    public ManualResetEventSlim Stopped { get; } = new(false);

    /// <summary>Set by the pinger when a reply carried the wrong value.</summary>
    public bool InvalidReply { get; set; }

    /// <summary>True once the warm-up is over.</summary>
    public bool Recording => _recording;

    /// <summary>True once the main thread asked the pinger to stop.</summary>
    public bool StopRequested => _stopRequested;

    /// <summary>Starts recording (after the warm-up).</summary>
    public void StartRecording() => _recording = true;

    /// <summary>Asks the pinger to stop after the current round trip.</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>Records a round trip from <paramref name="sentTicks"/> to <paramref name="receivedTicks"/> (Stopwatch ticks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(long sentTicks, long receivedTicks)
    {
        var nanos = (long)((receivedTicks - sentTicks) * s_nanosPerTick);
        Histogram.Record(nanos);
        if (nanos > PauseNanos)
        {
            RecordMissed(nanos);
        }
    }

    /// <summary>Waits out the pause between round trips (yielding, as Disruptor-net's pinger does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pause(long fromTicks)
    {
        while ((Stopwatch.GetTimestamp() - fromTicks) * s_nanosPerTick < PauseNanos)
        {
            Thread.Yield();
        }
    }

    private void RecordMissed(long nanos)
    {
        for (var missed = nanos - PauseNanos; missed >= PauseNanos; missed -= PauseNanos)
        {
            Histogram.Record(missed);
        }
    }
}
