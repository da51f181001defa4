using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>The consumers' side of the contract: shutdown, DAG, batches, exceptions, wake-ups.</summary>
public abstract partial class RingBufferContractTests
{
    [Fact]
    public void Halt_AfterDrain_EveryPublishedEventHandledBeforeShutdown()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 64);

        PublishSequences(ring, EventCount);
        consumer.DrainAndStop(ring.Cursor);

        Assert.Null(handler.FirstError);
        Assert.Equal(1, handler.StartCount);
        Assert.Equal(1, handler.ShutdownCount);
        Assert.Equal(EventCount, handler.CountAtShutdown);
        Assert.Equal(ring.Cursor, consumer.Processor.Sequence.Value);
        Assert.False(consumer.Processor.IsRunning);
    }

    [Fact]
    public void Halt_BeforeRunStarts_RunReturns()
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new SequenceCheckingHandler();
        var processor = new BatchEventProcessor<LongEvent, SequenceCheckingHandler>(ring, ring.NewBarrier(CreateWaitStrategy()), handler);
        ring.AddGatingSequences(processor.Sequence);

        processor.Halt();
        new ProcessorThread(processor).Start().Join();

        Assert.False(processor.IsRunning);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public void Run_AfterHaltedRun_HandlesLaterEvents()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 16);
        PublishSequences(ring, 10);
        consumer.DrainAndStop(9);

        PublishSequences(ring, 10, first: 10);
        new ProcessorThread(consumer.Processor).Start().DrainAndStop(19);

        Assert.Null(handler.FirstError);
        Assert.Equal(20, handler.Count);
        Assert.Equal(2, handler.ShutdownCount);
    }

    [Fact]
    public void Halt_WhileConsumerWaits_RunReturns()
    {
        var (_, consumer, handler) = StartCheckingConsumer(bufferSize: 16);
        Eventually.Until(() => consumer.Processor.IsRunning, "the consumer to start");
        Thread.Sleep(20); // let it reach its wait (a blocking strategy parks on the monitor); not an assertion

        consumer.HaltAndJoin();

        Assert.Equal(0, handler.Count);
        Assert.Equal(1, handler.ShutdownCount);
    }

    [Fact]
    public void Publish_WhileConsumerWaits_ConsumerWakesForEachEvent()
    {
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 16);
        Eventually.Until(() => consumer.Processor.IsRunning, "the consumer to start");

        for (var i = 0; i < 20; i++)
        {
            Thread.Sleep(2); // let the consumer go idle again; not an assertion
            var s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
            Eventually.Until(() => consumer.Processor.Sequence.Value == s, $"the consumer to wake for {s}");
        }

        consumer.HaltAndJoin();
        Assert.Null(handler.FirstError);
        Assert.Equal(20, handler.Count);
    }

    [Fact]
    public void Publish_ThroughDiamond_DownstreamNeverSeesEventBeforeBothUpstream()
    {
        var ring = CreateRing(() => new DagEvent(), 64);
        var left = new BatchEventProcessor<DagEvent, DagUpstreamHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), new DagUpstreamHandler(isLeft: true, spinPerEvent: 20));
        var right = new BatchEventProcessor<DagEvent, DagUpstreamHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), new DagUpstreamHandler(isLeft: false, spinPerEvent: 0));
        var downstreamHandler = new DagDownstreamHandler(left.Sequence, right.Sequence);
        var downstream = new BatchEventProcessor<DagEvent, DagDownstreamHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy(), left.Sequence, right.Sequence), downstreamHandler);
        ring.AddGatingSequences(downstream.Sequence); // only the last consumer gates the producer
        var threads = new[]
        {
            new ProcessorThread(left, "left").Start(),
            new ProcessorThread(right, "right").Start(),
            new ProcessorThread(downstream, "downstream").Start(),
        };
        var count = EventCount / 2;

        for (long i = 0; i < count; i++)
        {
            var s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }

        threads[2].DrainAndStop(count - 1);
        threads[0].DrainAndStop(count - 1);
        threads[1].DrainAndStop(count - 1);

        Assert.Null(left.Handler.FirstError);
        Assert.Null(right.Handler.FirstError);
        Assert.Null(downstreamHandler.FirstError);
        Assert.Equal(count, downstreamHandler.Count);
    }

    [Fact]
    public void OnEvent_EventsPublishedBeforeStart_OnlyLastEndsTheBatch()
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new BatchFlagHandler();
        var processor = new BatchEventProcessor<LongEvent, BatchFlagHandler>(ring, ring.NewBarrier(CreateWaitStrategy()), handler);
        ring.AddGatingSequences(processor.Sequence);
        PublishSequences(ring, 10);

        new ProcessorThread(processor).Start().DrainAndStop(9);

        Assert.Equal([false, false, false, false, false, false, false, false, false, true], handler.Flags);
    }

    [Fact]
    public void OnEvent_MaxBatchSizeFour_EndOfBatchOnLastEventOfEachChunk()
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new BatchFlagHandler();
        var processor = new BatchEventProcessor<LongEvent, BatchFlagHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), handler, maxBatchSize: 4);
        ring.AddGatingSequences(processor.Sequence);
        PublishSequences(ring, 10);

        new ProcessorThread(processor).Start().DrainAndStop(9);

        Assert.Equal([false, false, false, true, false, false, false, true, false, true], handler.Flags);
    }

    [Theory]
    [InlineData(1, 64, false)]
    [InlineData(2, 400, true)]
    [InlineData(SlotPrefetch.MaxDistance, SlotPrefetch.MaxBytes, false)]
    public void OnEvent_WithPrefetch_SameEventsAndBatchEndsAsWithout(int distance, int bytes, bool nonTemporal)
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new BatchFlagHandler();
        var processor = new BatchEventProcessor<LongEvent, BatchFlagHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), handler, maxBatchSize: 4, prefetch: new SlotPrefetch(distance, bytes, nonTemporal));
        ring.AddGatingSequences(processor.Sequence);
        PublishSequences(ring, 10);

        new ProcessorThread(processor).Start().DrainAndStop(9);

        Assert.Equal([false, false, false, true, false, false, false, true, false, true], handler.Flags);
    }

    [Fact]
    public void Publish_WithPrefetchOfStructAndClassSlots_EverySequenceHandledInOrder()
    {
        var values = CreateRing(() => default(ValueEvent), 256);
        var valueProcessor = new BatchEventProcessor<ValueEvent, ValueEventHandler>(
            values, values.NewBarrier(CreateWaitStrategy()), default, prefetch: new SlotPrefetch(2, 256));
        values.AddGatingSequences(valueProcessor.Sequence);
        var (ring, consumer, handler) = StartCheckingConsumer(bufferSize: 64, prefetch: new SlotPrefetch(3, 128, nonTemporal: true));
        var valueConsumer = new ProcessorThread(valueProcessor).Start();

        for (long i = 0; i < EventCount; i++)
        {
            var s = values.Next();
            values[s].Value = s;
            values.Publish(s);
        }

        PublishSequences(ring, EventCount);
        valueConsumer.DrainAndStop(EventCount - 1);
        consumer.DrainAndStop(ring.Cursor);

        Assert.Equal(EventCount, valueProcessor.Handler.Count);
        Assert.Equal(0, valueProcessor.Handler.Mismatches);
        Assert.Null(handler.FirstError);
        Assert.Equal(EventCount, handler.Count);
    }

    [Fact]
    public void OnEvent_HandlerThrowsAndExceptionHandlerContinues_LaterEventsHandled()
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new ThrowingHandler(every: 10, remainder: 3);
        var exceptions = new RecordingExceptionHandler(continueAfterException: true);
        var processor = new BatchEventProcessor<LongEvent, ThrowingHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), handler, exceptions);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = new ProcessorThread(processor).Start();

        PublishSequences(ring, 100);
        consumer.DrainAndStop(99);

        Assert.Equal([3, 13, 23, 33, 43, 53, 63, 73, 83, 93], exceptions.FailedSequences);
        Assert.Equal(90, handler.Handled);
        Assert.Null(processor.Fault);
    }

    [Fact]
    public void OnEvent_HandlerThrowsWithoutExceptionHandler_ProcessorHaltsWithFault()
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new ThrowingHandler(every: 1000, remainder: 5);
        var processor = new BatchEventProcessor<LongEvent, ThrowingHandler>(ring, ring.NewBarrier(CreateWaitStrategy()), handler);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = new ProcessorThread(processor).Start();

        PublishSequences(ring, 10);
        consumer.Join(); // stops on its own

        Assert.IsType<InvalidOperationException>(processor.Fault);
        Assert.Equal(4, processor.Sequence.Value);
        Assert.Equal(5, handler.Handled);
        Assert.Equal(1, handler.ShutdownCount);
        Assert.False(processor.IsRunning);
    }

    [Fact]
    public void OnEvent_ExceptionHandlerAnswersHalt_ProcessorHaltsWithFault()
    {
        var ring = CreateRing(() => new LongEvent(), 16);
        var handler = new ThrowingHandler(every: 1000, remainder: 5);
        var exceptions = new RecordingExceptionHandler(continueAfterException: false);
        var processor = new BatchEventProcessor<LongEvent, ThrowingHandler>(
            ring, ring.NewBarrier(CreateWaitStrategy()), handler, exceptions);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = new ProcessorThread(processor).Start();

        PublishSequences(ring, 10);
        consumer.Join();

        Assert.Equal([5], exceptions.FailedSequences);
        Assert.IsType<InvalidOperationException>(processor.Fault);
        Assert.Equal(4, processor.Sequence.Value);
    }
}
