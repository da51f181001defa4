using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>One producer, one consumer, class slots, yielding wait: the ring's basic hand-off.</summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class OneToOneClassEventsBenchmarks
{
    private const int RingSize = 65_536;
    private const int Events = 50_000_000;

    private RingBuffer<LongEvent> _ring = null!;
    private BatchEventProcessor<LongEvent, SumHandler> _processor = null!;
    private ConsumerThread _consumer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ring = RingBuffer<LongEvent>.CreateSingleProducer(() => new LongEvent(), RingSize);
        _processor = new BatchEventProcessor<LongEvent, SumHandler>(_ring, _ring.NewBarrier(new YieldingWaitStrategy()), new SumHandler());
        _ring.AddGatingSequences(_processor.Sequence);
        _consumer = new ConsumerThread(_processor, "consumer");
    }

    [GlobalCleanup]
    public void Cleanup() => _consumer.Stop();

    [Benchmark(OperationsPerInvoke = Events)]
    public long ClassEventsYielding()
    {
        var ring = _ring;
        long last = -1;
        for (var i = 0; i < Events; i++)
        {
            last = ring.Next();
            ring[last].Value = i;
            ring.Publish(last);
        }

        ConsumerThread.WaitFor(_processor.Sequence, last);
        return last;
    }
}
