using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// One producer, one consumer, class slots: with a yielding wait (the ring's basic hand-off) and with a blocking wait
/// (the cost of the monitor hand-off). Each benchmark has its own consumer, started in its setup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class OneToOneClassEventsBenchmarks
{
    private const int RingSize = 65_536;
    private const int YieldingEvents = 50_000_000;
    private const int BlockingEvents = 3_000_000;

    private RingBuffer<LongEvent> _ring = null!;
    private BatchEventProcessor<LongEvent, SumHandler> _processor = null!;
    private ConsumerThread _consumer = null!;

    [GlobalSetup(Target = nameof(ClassEventsYielding))]
    public void SetupYielding() => Setup(new YieldingWaitStrategy());

    [GlobalSetup(Target = nameof(ClassEventsBlocking))]
    public void SetupBlocking() => Setup(new BlockingWaitStrategy());

    [GlobalCleanup]
    public void Cleanup() => _consumer.Stop();

    [Benchmark(OperationsPerInvoke = YieldingEvents)]
    public long ClassEventsYielding() => Publish(YieldingEvents);

    [Benchmark(OperationsPerInvoke = BlockingEvents)]
    public long ClassEventsBlocking() => Publish(BlockingEvents);

    private void Setup(IWaitStrategy wait)
    {
        _ring = RingBuffer<LongEvent>.CreateSingleProducer(() => new LongEvent(), RingSize);
        _processor = new BatchEventProcessor<LongEvent, SumHandler>(_ring, _ring.NewBarrier(wait), new SumHandler());
        _ring.AddGatingSequences(_processor.Sequence);
        _consumer = new ConsumerThread(_processor, "consumer");
    }

    // Called once per iteration: compile it optimized at once rather than leave it to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Publish(int events)
    {
        var ring = _ring;
        long last = -1;
        for (var i = 0; i < events; i++)
        {
            last = ring.Next();
            ring[last].Value = i;
            ring.Publish(last);
        }

        ConsumerThread.WaitFor(_processor.Sequence, last);
        return last;
    }
}
