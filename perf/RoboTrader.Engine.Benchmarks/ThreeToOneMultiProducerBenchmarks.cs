using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// Three producers (two long-lived threads plus the benchmark thread) into one consumer over the multi-producer
/// sequencer, yielding wait.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class ThreeToOneMultiProducerBenchmarks
{
    private const int RingSize = 65_536;
    private const int Producers = 3;
    private const int Events = 3_000_000; // a multiple of Producers
    private const int PerProducer = Events / Producers;

    private readonly SemaphoreSlim _go = new(0);
    private RingBuffer<LongEvent> _ring = null!;
    private BatchEventProcessor<LongEvent, SumHandler> _processor = null!;
    private ConsumerThread _consumer = null!;
    private Thread[] _producers = [];
    private volatile bool _stopping;
    private long _published;

    [GlobalSetup]
    public void Setup()
    {
        _ring = RingBuffer<LongEvent>.CreateMultiProducer(() => new LongEvent(), RingSize);
        _processor = new BatchEventProcessor<LongEvent, SumHandler>(_ring, _ring.NewBarrier(new YieldingWaitStrategy()), new SumHandler());
        _ring.AddGatingSequences(_processor.Sequence);
        _consumer = new ConsumerThread(_processor, "consumer");
        _producers = new Thread[Producers - 1];
        for (var i = 0; i < _producers.Length; i++)
        {
            _producers[i] = new Thread(ProducerLoop) { IsBackground = true, Name = $"producer {i + 1}" };
            _producers[i].Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _go.Release(_producers.Length);
        foreach (var producer in _producers)
        {
            producer.Join();
        }

        _consumer.Stop();
        _go.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long ThreeProducersOneConsumerYielding()
    {
        _go.Release(_producers.Length);
        Produce(_ring);
        _published += Events;
        ConsumerThread.WaitFor(_processor.Sequence, _published - 1);
        return _published;
    }

    private void ProducerLoop()
    {
        while (true)
        {
            _go.Wait();
            if (_stopping)
            {
                return;
            }

            Produce(_ring);
        }
    }

    private static void Produce(RingBuffer<LongEvent> ring)
    {
        for (var i = 0; i < PerProducer; i++)
        {
            var s = ring.Next();
            ring[s].Value = i;
            ring.Publish(s);
        }
    }
}
