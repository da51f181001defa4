using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// Ring throughput scenarios: producer threads publish as fast as they can until told to stop; the rate is the
/// last consumer's progress over a measured window that starts after a warm-up (new threads first share a core
/// until the scheduler spreads them, and the first round of a loop runs unoptimized code). Names follow
/// Disruptor-net's perf tests so figures can be set side by side.
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

    /// <summary>Runs <paramref name="scenario"/>: a warm-up of a quarter of <paramref name="duration"/> (at most 1 s), then
    /// <paramref name="duration"/> measured; returns events per second.</summary>
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
        return Measure([consumer], consumer.Sequence, duration, 1, stop => { if (batch == 1) Produce(ring, stop); else ProduceBatches(ring, batch, stop); });
    }

    private static double OneToOneValue(TimeSpan duration)
    {
        var ring = RingBuffer<CountingValue>.CreateSingleProducer(() => default, RingSize);
        var consumer = new BatchEventProcessor<CountingValue, ValueSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), default);
        ring.AddGatingSequences(consumer.Sequence);
        return Measure([consumer], consumer.Sequence, duration, 1, stop => ProduceValues(ring, stop));
    }

    private static double Pipeline3(TimeSpan duration)
    {
        var ring = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), RingSize);
        var c1 = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), new ClassSumHandler());
        var c2 = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy(), c1.Sequence), new ClassSumHandler());
        var c3 = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy(), c2.Sequence), new ClassSumHandler());
        ring.AddGatingSequences(c3.Sequence);
        return Measure([c1, c2, c3], c3.Sequence, duration, 1, stop => Produce(ring, stop));
    }

    private static double ThreeToOne(TimeSpan duration)
    {
        var ring = RingBuffer<CountingEvent>.CreateMultiProducer(() => new CountingEvent(), RingSize);
        var consumer = new BatchEventProcessor<CountingEvent, ClassSumHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), new ClassSumHandler());
        ring.AddGatingSequences(consumer.Sequence);
        return Measure([consumer], consumer.Sequence, duration, 3, stop => Produce(ring, stop));
    }

    // WARNING: producer loops are static methods compiled optimized at once. As lambdas over closure fields they
    // measured the harness, not the ring.
    /// <summary>Publishes events carrying their sequence, one claim each, until <paramref name="stop"/> is set (also
    /// the side-by-side harness's loop for our ring).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Produce(RingBuffer<CountingEvent> ring, StrongBox<int> stop)
    {
        while (Volatile.Read(ref stop.Value) == 0)
        {
            for (var i = 0; i < 1024; i++)
            {
                var s = ring.Next();
                ring[s].Value = s;
                ring.Publish(s);
            }
        }
    }

    /// <summary>As <see cref="Produce"/>, on a ring of struct events.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ProduceValues(RingBuffer<CountingValue> ring, StrongBox<int> stop)
    {
        while (Volatile.Read(ref stop.Value) == 0)
        {
            for (var i = 0; i < 1024; i++)
            {
                var s = ring.Next();
                ring[s].Value = s;
                ring.Publish(s);
            }
        }
    }

    /// <summary>As <see cref="Produce"/>, claiming and publishing <paramref name="batch"/> events at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ProduceBatches(RingBuffer<CountingEvent> ring, int batch, StrongBox<int> stop)
    {
        while (Volatile.Read(ref stop.Value) == 0)
        {
            for (var i = 0; i < 1024; i += batch)
            {
                var high = ring.Next(batch);
                for (var s = high - batch + 1; s <= high; s++)
                {
                    ring[s].Value = s;
                }

                ring.Publish(high - batch + 1, high);
            }
        }
    }

    private static double Channels(TimeSpan duration)
    {
        // The idiomatic channel (default options: continuations run on the thread pool, as in Disruptor-net's
        // comparison). Make sure the pool has threads to run them at once, or a busy host starves the reader.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(RingSize) { SingleReader = true, SingleWriter = true });
        var consumed = new StrongBox<long>();
        var reader = new Thread(() => ReadChannel(channel.Reader, consumed)) { IsBackground = true };
        reader.Start();
        var stop = new StrongBox<int>();
        var writer = new Thread(() => WriteChannel(channel.Writer, stop)) { IsBackground = true };
        writer.Start();
        var rate = Window(duration, () => Volatile.Read(ref consumed.Value));
        Volatile.Write(ref stop.Value, 1);
        writer.Join();
        channel.Writer.Complete();
        reader.Join();
        return rate;
    }

    /// <summary>The idiomatic reader loop, on a thread of its own; its wake-ups still go through the thread pool.</summary>
    private static void ReadChannel(ChannelReader<long> reader, StrongBox<long> consumed)
    {
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out _))
            {
                Volatile.Write(ref consumed.Value, consumed.Value + 1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteChannel(ChannelWriter<long> writer, StrongBox<int> stop)
    {
        long written = 0;
        while (Volatile.Read(ref stop.Value) == 0)
        {
            for (var i = 0; i < 1024; i++)
            {
                if (!writer.TryWrite(written))
                {
                    writer.WriteAsync(written).AsTask().GetAwaiter().GetResult();
                }

                written++;
            }
        }
    }

    /// <summary>Starts consumers and <paramref name="producers"/> producer threads, measures the last consumer's rate, stops everything.</summary>
    private static double Measure(IEventProcessor[] consumers, Sequence last, TimeSpan duration, int producers, Action<StrongBox<int>> produce)
    {
        var stop = new StrongBox<int>();
        var threads = consumers.Select(c => new Thread(c.Run) { IsBackground = true })
            .Concat(Enumerable.Range(0, producers).Select(_ => new Thread(() => produce(stop)) { IsBackground = true }))
            .ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        var rate = Window(duration, () => last.Value);

        // Producers finish their loop while the consumers still run (so none waits for room forever), then halt.
        Volatile.Write(ref stop.Value, 1);
        foreach (var t in threads.Skip(consumers.Length))
        {
            t.Join();
        }

        foreach (var c in consumers)
        {
            c.Halt();
        }

        foreach (var t in threads.Take(consumers.Length))
        {
            t.Join();
        }

        return rate;
    }

    /// <summary>Waits out the warm-up, then returns the progress of <paramref name="progress"/> per second over <paramref name="duration"/>.</summary>
    private static double Window(TimeSpan duration, Func<long> progress)
    {
        Thread.Sleep(TimeSpan.FromTicks(Math.Min(duration.Ticks / 4, TimeSpan.TicksPerSecond)));
        var startCount = progress();
        var start = Stopwatch.GetTimestamp();
        Thread.Sleep(duration);
        var count = progress() - startCount;
        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
