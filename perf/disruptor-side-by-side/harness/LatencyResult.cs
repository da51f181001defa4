namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>One ping-pong run: round-trip percentiles in nanoseconds and how many round trips were measured.</summary>
public readonly record struct LatencyResult(long P50Nanos, long P99Nanos, long RoundTrips)
{
    /// <summary>Reads the percentiles of <paramref name="recorder"/>'s histogram and checks the replies were right.</summary>
    public static LatencyResult From(RoundTripRecorder recorder, long roundTrips)
    {
        if (recorder.InvalidReply)
        {
            throw new InvalidOperationException("ping-pong: a reply carried the wrong value");
        }

        if (roundTrips == 0)
        {
            throw new InvalidOperationException("ping-pong: no round trip in the window");
        }

        return new LatencyResult(recorder.Histogram.ValueAtPercentile(50), recorder.Histogram.ValueAtPercentile(99), roundTrips);
    }
}
