using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>One producer, one consumer, struct slots stored inline and a struct handler, yielding wait.</summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class OneToOneStructEventsBenchmarks
{
    private const int RingSize = 65_536;
    private const int Events = 50_000_000;

    private RingBuffer<LongValue> _ring = null!;
    private BatchEventProcessor<LongValue, ValueSumHandler> _processor = null!;
    private ConsumerThread _consumer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ring = RingBuffer<LongValue>.CreateSingleProducer(() => default, RingSize);
        _processor = new BatchEventProcessor<LongValue, ValueSumHandler>(_ring, _ring.NewBarrier(new YieldingWaitStrategy()), default);
        _ring.AddGatingSequences(_processor.Sequence);
        _consumer = new ConsumerThread(_processor, "consumer");
    }

    [GlobalCleanup]
    public void Cleanup() => _consumer.Stop();

    [Benchmark(OperationsPerInvoke = Events)]
    public long StructEventsYielding()
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
