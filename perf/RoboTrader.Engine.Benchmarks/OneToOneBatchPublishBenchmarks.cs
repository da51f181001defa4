using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>One producer claiming and publishing <see cref="BatchSize"/> events at a time, one consumer, yielding wait.</summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class OneToOneBatchPublishBenchmarks
{
    private const int RingSize = 65_536;
    private const int BatchSize = 32;
    private const int Events = 50_000_000; // a multiple of BatchSize

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
    public long BatchPublishYielding()
    {
        var ring = _ring;
        long high = -1;
        for (var i = 0; i < Events; i += BatchSize)
        {
            high = ring.Next(BatchSize);
            var low = high - BatchSize + 1;
            for (var s = low; s <= high; s++)
            {
                ring[s].Value = s;
            }

            ring.Publish(low, high);
        }

        ConsumerThread.WaitFor(_processor.Sequence, high);
        return high;
    }
}
