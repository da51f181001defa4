using System.Diagnostics;
using System.Threading.Channels;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// Ring throughput scenarios run for a fixed time: producers publish as fast as they can, the result is events
/// handled by the last consumer per second of wall time. Names follow Disruptor-net's perf tests so figures can be
/// set side by side.
/// </summary>
public static class RingThroughput
{
    /// <summary>Ring slots in every scenario (and the channel's capacity).</summary>
    public const int RingSize = 1 << 16;

    /// <summary>Events per producer batch in <c>1p1c-batch</c>.</summary>
    public const int BatchSize = 32;

    /// <summary>The scenario names.</summary>
    public static IReadOnlyList<string> Scenarios { get; } =
        ["1p1c-yielding", "1p1c-value-yielding", "1p1c-batch", "1p1c-blocking", "pipeline3", "3p1c", "channels-1p1c"];

    /// <summary>Runs <paramref name="scenario"/> for about <paramref name="duration"/>; returns events per second.</summary>
    public static double Run(string scenario, TimeSpan duration) => scenario switch
    {
        "1p1c-yielding" => OneToOne(new YieldingWaitStrategy(), duration, batch: 1),
        "1p1c-batch" => OneToOne(new YieldingWaitStrategy(), duration, BatchSize),
        "1p1c-blocking" => OneToOne(new BlockingWaitStrategy(), duration, batch: 1),
        "1p1c-value-yielding" => OneToOneValue(duration),
        "pipeline3" => Pipeline3(duration),
        "3p1c" => ThreeToOne(duration),
        "channels-1p1c" => Channels(duration),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario (" + string.Join(", ", Scenarios) + ")"),
    };

    private static double OneToOne(IWaitStrategy wait, TimeSpan duration, int batch)
    {
        var ring = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), RingSize);
        var consumer = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(wait), new ClassSumHandler());
        ring.AddGatingSequences(consumer.Sequence);
        return Measure([consumer], consumer.Sequence, duration, deadline =>
        {
            long last = -1;
            var stopwatch = Stopwatch.StartNew();
            while (true)
            {
                for (var i = 0; i < 1024; i += batch)
                {
                    var high = ring.Next(batch);
                    for (var s = high - batch + 1; s <= high; s++)
                    {
                        ring[s].Value = s;
                    }

                    ring.Publish(high - batch + 1, high);
                    last = high;
                }

                if (stopwatch.ElapsedTicks >= deadline)
                {
                    return last;
                }
            }
        });
    }

    private static double OneToOneValue(TimeSpan duration)
    {
        var ring = RingBuffer<CountingValue>.CreateSingleProducer(() => default, RingSize);
        var consumer = new BatchEventProcessor<CountingValue, ValueSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), default);
        ring.AddGatingSequences(consumer.Sequence);
        return Measure([consumer], consumer.Sequence, duration, deadline =>
        {
            long last = -1;
            var stopwatch = Stopwatch.StartNew();
            while (true)
            {
                for (var i = 0; i < 1024; i++)
                {
                    last = ring.Next();
                    ring[last].Value = last;
                    ring.Publish(last);
                }

                if (stopwatch.ElapsedTicks >= deadline)
                {
                    return last;
                }
            }
        });
    }

    private static double Pipeline3(TimeSpan duration)
    {
        var ring = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), RingSize);
        var c1 = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), new ClassSumHandler());
        var c2 = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy(), c1.Sequence), new ClassSumHandler());
        var c3 = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy(), c2.Sequence), new ClassSumHandler());
        ring.AddGatingSequences(c3.Sequence);
        return Measure([c1, c2, c3], c3.Sequence, duration, deadline =>
        {
            long last = -1;
            var stopwatch = Stopwatch.StartNew();
            while (true)
            {
                for (var i = 0; i < 1024; i++)
                {
                    last = ring.Next();
                    ring[last].Value = last;
                    ring.Publish(last);
                }

                if (stopwatch.ElapsedTicks >= deadline)
                {
                    return last;
                }
            }
        });
    }

    private static double ThreeToOne(TimeSpan duration)
    {
        var ring = RingBuffer<CountingEvent>.CreateMultiProducer(() => new CountingEvent(), RingSize);
        var consumer = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), new ClassSumHandler());
        ring.AddGatingSequences(consumer.Sequence);
        return Measure([consumer], consumer.Sequence, duration, deadline =>
        {
            var stop = 0;
            void Produce()
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    for (var i = 0; i < 1024; i++)
                    {
                        var s = ring.Next();
                        ring[s].Value = s;
                        ring.Publish(s);
                    }
                }
            }

            var others = new[] { new Thread(Produce), new Thread(Produce) };
            foreach (var t in others)
            {
                t.Start();
            }

            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.ElapsedTicks < deadline)
            {
                for (var i = 0; i < 1024; i++)
                {
                    var s = ring.Next();
                    ring[s].Value = s;
                    ring.Publish(s);
                }
            }

            Volatile.Write(ref stop, 1);
            foreach (var t in others)
            {
                t.Join();
            }

            return ring.Cursor;
        });
    }

    private static double Channels(TimeSpan duration)
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(RingSize) { SingleReader = true, SingleWriter = true });
        long consumed = 0;
        var reader = Task.Run(async () =>
        {
            while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out _))
                {
                    consumed++;
                }
            }
        });
        var stopwatch = Stopwatch.StartNew();
        var deadline = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long written = 0;
        while (stopwatch.ElapsedTicks < deadline)
        {
            for (var i = 0; i < 1024; i++)
            {
                if (!channel.Writer.TryWrite(written))
                {
                    channel.Writer.WriteAsync(written).AsTask().GetAwaiter().GetResult();
                }

                written++;
            }
        }

        channel.Writer.Complete();
        reader.GetAwaiter().GetResult();
        return consumed / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Starts the consumers, runs the producer until the deadline, waits for the last consumer, stops.</summary>
    private static double Measure(IEventProcessor[] consumers, Sequence last, TimeSpan duration, Func<long, long> produce)
    {
        var threads = consumers.Select(c => new Thread(c.Run) { IsBackground = true }).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        var stopwatch = Stopwatch.StartNew();
        var lastSequence = produce((long)(duration.TotalSeconds * Stopwatch.Frequency));
        var spin = default(SpinWait);
        while (last.Value < lastSequence)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        foreach (var c in consumers)
        {
            c.Halt();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        return (lastSequence + 1) / seconds;
    }
}
