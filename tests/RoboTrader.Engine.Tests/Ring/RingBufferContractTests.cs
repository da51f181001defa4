using System.Runtime.CompilerServices;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>
/// The contract every ring configuration (sequencer × wait strategy) must keep: producers' side and ordering here,
/// consumers' side (shutdown, DAG, batches, exceptions, wake-ups) in <c>RingBufferContractTests.Consumers.cs</c>.
/// A sealed subclass per configuration runs them all.
/// </summary>
/// <remarks>
/// Outcomes are deterministic; the only timeouts are generous deadlines that turn a hang into a failure.
/// </remarks>
public abstract partial class RingBufferContractTests
{
    /// <summary>True for the multi-producer sequencer.</summary>
    protected abstract bool IsMultiProducer { get; }

    /// <summary>Events in an ordinary test (lower for strategies that sleep).</summary>
    protected virtual int EventCount => 100_000;

    /// <summary>Events pushed through an eight-slot ring in the wrap-around test.</summary>
    protected virtual int WrapAroundEventCount => 1_000_000;

    /// <summary>Producer threads in the many-producers test (one for the single-producer sequencer).</summary>
    protected virtual int ProducerCount => IsMultiProducer ? 3 : 1;

    /// <summary>A fresh wait strategy for one consumer.</summary>
    protected abstract IWaitStrategy CreateWaitStrategy();

    [Fact]
    public void Publish_EventsOneByOne_ConsumerSeesEveryEventInOrder()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 1024);

        PublishSequences(ring, EventCount);
        consumer.DrainAndStop(EventCount - 1);

        Assert.Null(handler.FirstError);
        Assert.Equal(EventCount, handler.Count);
        Assert.True(handler.LastEndOfBatch, "the last event handled must end its batch");
    }

    [Fact]
    public void Publish_ToSlowConsumer_SlotIsNeverOverwrittenBeforeHandled()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 8, spinPerEvent: 100);
        var count = EventCount / 10;

        PublishSequences(ring, count);
        consumer.DrainAndStop(count - 1);

        Assert.Null(handler.FirstError);
        Assert.Equal(count, handler.Count);
    }

    [Fact]
    public void Publish_ManyLapsOfTinyRing_EveryEventSeenInOrder()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 8);

        PublishSequences(ring, WrapAroundEventCount);
        consumer.DrainAndStop(WrapAroundEventCount - 1);

        Assert.Null(handler.FirstError);
        Assert.Equal(WrapAroundEventCount, handler.Count);
    }

    [Fact]
    public void Publish_BatchesClaimedWithNextN_ConsumerSeesEveryEventInOrder()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 128);
        var random = new Random(20_240_601);
        long published = 0;

        while (published < EventCount)
        {
            var n = (int)Math.Min(random.Next(1, 65), EventCount - published);
            var high = ring.Next(n);
            var low = high - n + 1;
            Assert.Equal(published, low);
            for (var s = low; s <= high; s++)
            {
                ring[s].Value = s;
            }

            ring.Publish(low, high);
            published += n;
        }

        consumer.DrainAndStop(EventCount - 1);

        Assert.Null(handler.FirstError);
        Assert.Equal(EventCount, handler.Count);
    }

    [Fact]
    public void Publish_FromEveryProducer_EachEventSeenOnceInItsProducersOrder()
    {
        var ring = CreateRing(() => new ProducerEvent(), 1024);
        var handler = new ProducerOrderHandler(ProducerCount);
        var processor = new BatchEventProcessor<ProducerEvent, ProducerOrderHandler>(ring, ring.NewBarrier(CreateWaitStrategy()), handler);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = new ProcessorThread(processor).Start();
        var perProducer = EventCount / ProducerCount;

        var producers = new Thread[ProducerCount];
        for (var id = 0; id < producers.Length; id++)
        {
            var producerId = id;
            producers[id] = new Thread(() => Produce(ring, producerId, perProducer)) { IsBackground = true, Name = $"producer {id}" };
        }

        foreach (var producer in producers)
        {
            producer.Start();
        }

        foreach (var producer in producers)
        {
            Eventually.Join(producer, producer.Name!);
        }

        long total = (long)perProducer * ProducerCount;
        Assert.Equal(total - 1, ring.Cursor);
        consumer.DrainAndStop(total - 1);

        Assert.Null(handler.FirstError);
        Assert.Equal(total, handler.Count);
        for (var id = 0; id < ProducerCount; id++)
        {
            Assert.Equal(perProducer, handler.SeenFrom(id));
        }
    }

    [Fact]
    public void TryNext_RingFull_ReturnsFalseUntilConsumerFreesSlots()
    {
        var ring = CreateRing(() => new LongEvent(), 8);
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);

        for (var i = 0; i < 8; i++)
        {
            Assert.True(ring.TryNext(1, out var s));
            ring[s].Value = s;
            ring.Publish(s);
        }

        Assert.False(ring.TryNext(1, out _));

        consumer.SetValue(1); // the consumer is done with 0 and 1: two slots free
        Assert.False(ring.TryNext(3, out _));
        Assert.True(ring.TryNext(2, out var high));
        Assert.Equal(9, high);
        ring.Publish(8, 9);
        Assert.False(ring.TryNext(1, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(9)]
    public void Next_ClaimOutsideOneToBufferSize_Throws(int n)
    {
        var ring = CreateRing(() => new LongEvent(), 8);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(n, out _));
    }

    [Fact]
    public void Indexer_SequencesOneLapApart_ReturnTheSameSlot()
    {
        var ring = CreateRing(() => new LongEvent(), 8);

        Assert.True(Unsafe.AreSame(ref ring[3], ref ring[11]));
        Assert.False(Unsafe.AreSame(ref ring[3], ref ring[4]));
        Assert.NotSame(ring[0], ring[1]);
    }

    [Fact]
    public void Publish_StructSlotsToStructHandler_HandlerStateSeesEveryEvent()
    {
        var ring = CreateRing(() => default(ValueEvent), 256);
        var processor = new BatchEventProcessor<ValueEvent, ValueEventHandler>(ring, ring.NewBarrier(CreateWaitStrategy()), default);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = new ProcessorThread(processor).Start();

        for (long i = 0; i < EventCount; i++)
        {
            var s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }

        consumer.DrainAndStop(EventCount - 1);

        Assert.Equal(EventCount, processor.Handler.Count);
        Assert.Equal(0, processor.Handler.Mismatches);
    }

    /// <summary>A ring of this configuration's sequencer.</summary>
    protected RingBuffer<T> CreateRing<T>(Func<T> factory, int bufferSize)
        => IsMultiProducer ? RingBuffer<T>.CreateMultiProducer(factory, bufferSize) : RingBuffer<T>.CreateSingleProducer(factory, bufferSize);

    private (RingBuffer<LongEvent> Ring, ProcessorThread Consumer, SequenceCheckingHandler Handler) StartCheckingConsumer(
        int bufferSize, int spinPerEvent = 0, SlotPrefetch prefetch = default)
    {
        var ring = CreateRing(() => new LongEvent(), bufferSize);
        var handler = new SequenceCheckingHandler(spinPerEvent);
        var processor = new BatchEventProcessor<LongEvent, SequenceCheckingHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), handler, prefetch: prefetch);
        ring.AddGatingSequences(processor.Sequence);
        return (ring, new ProcessorThread(processor).Start(), handler);
    }

    private static void PublishSequences(RingBuffer<LongEvent> ring, long count, long first = 0)
    {
        for (long i = 0; i < count; i++)
        {
            var s = ring.Next();
            Assert.Equal(first + i, s);
            ring[s].Value = s;
            ring.Publish(s);
        }
    }

    private static void Produce(RingBuffer<ProducerEvent> ring, int producerId, int count)
    {
        // Mixes single claims and small batches so Publish(low, high) races with other producers too.
        long counter = 0;
        while (counter < count)
        {
            var n = (int)Math.Min(1 + (counter % 5), count - counter);
            var high = ring.Next(n);
            var low = high - n + 1;
            for (var s = low; s <= high; s++)
            {
                ring[s].ProducerId = producerId;
                ring[s].Counter = counter++;
            }

            ring.Publish(low, high);
        }
    }
}
