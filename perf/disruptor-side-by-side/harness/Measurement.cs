using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>
/// The measurement of perf/RoboTrader.Engine.PerfTests/RingThroughput.cs, used for both rings: the producer publishes
/// until told to stop; after a warm-up of a quarter of the window (at most 1 s) the last consumer's progress is read
/// over the window.
/// </summary>
public static class Measurement
{
    /// <summary>
    /// Starts a producer thread running <paramref name="produce"/> (consumers are already started by the caller),
    /// measures <paramref name="progress"/> per second over <paramref name="duration"/> after the warm-up, stops the
    /// producer, then calls <paramref name="halt"/> to stop the consumers.
    /// </summary>
    public static double Throughput(TimeSpan duration, Func<long> progress, Action<StrongBox<int>> produce, Action halt)
    {
        var stop = new StrongBox<int>();
        var producer = new Thread(() => produce(stop)) { IsBackground = true, Name = "producer" };
        producer.Start();
        var rate = Window(duration, progress);

        // The producer finishes its loop while the consumers still run (so it never waits for room forever), then they halt.
        Volatile.Write(ref stop.Value, 1);
        producer.Join();
        halt();
        return rate;
    }

    /// <summary>The warm-up before a window: a quarter of it, at most 1 s.</summary>
    public static TimeSpan WarmUp(TimeSpan duration) => TimeSpan.FromTicks(Math.Min(duration.Ticks / 4, TimeSpan.TicksPerSecond));

    /// <summary>Waits out the warm-up, then returns the progress of <paramref name="progress"/> per second over <paramref name="duration"/>.</summary>
    public static double Window(TimeSpan duration, Func<long> progress)
    {
        Thread.Sleep(WarmUp(duration));
        var startCount = progress();
        var start = Stopwatch.GetTimestamp();
        Thread.Sleep(duration);
        var count = progress() - startCount;
        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Throws when a consumer's total differs from the one worked out for the events it consumed.</summary>
    public static void Check(string what, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"{what}: expected {expected}, got {actual} (an event was lost, repeated or corrupted)");
        }
    }

    /// <summary>Σ s for s in [0, <paramref name="events"/>): the total a handler summing the sequence numbers must reach.</summary>
    public static long SumOfSequences(long events) => events * (events - 1) / 2;
}
