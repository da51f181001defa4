using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>One producer feeding a chain of three consumers (c1 → c2 → c3), yielding wait: four threads.</summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class ThreeStagePipelineBenchmarks
{
    private const int RingSize = 65_536;
    private const int Events = 20_000_000;

    private RingBuffer<LongEvent> _ring = null!;
    private BatchEventProcessor<LongEvent, SumHandler> _last = null!;
    private ConsumerThread[] _consumers = [];

    [GlobalSetup]
    public void Setup()
    {
        _ring = RingBuffer<LongEvent>.CreateSingleProducer(() => new LongEvent(), RingSize);
        var c1 = new BatchEventProcessor<LongEvent, SumHandler>(_ring, _ring.NewBarrier(new YieldingWaitStrategy()), new SumHandler());
        var c2 = new BatchEventProcessor<LongEvent, SumHandler>(_ring, _ring.NewBarrier(new YieldingWaitStrategy(), c1.Sequence), new SumHandler());
        _last = new BatchEventProcessor<LongEvent, SumHandler>(_ring, _ring.NewBarrier(new YieldingWaitStrategy(), c2.Sequence), new SumHandler());
        _ring.AddGatingSequences(_last.Sequence); // only the last stage gates the producer
        _consumers = [new ConsumerThread(c1, "c1"), new ConsumerThread(c2, "c2"), new ConsumerThread(_last, "c3")];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var consumer in _consumers)
        {
            consumer.Stop();
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long ThreeStagePipelineYielding()
    {
        var ring = _ring;
        long last = -1;
        for (var i = 0; i < Events; i++)
        {
            last = ring.Next();
            ring[last].Value = i;
            ring.Publish(last);
        }

        ConsumerThread.WaitFor(_last.Sequence, last);
        return last;
    }
}
