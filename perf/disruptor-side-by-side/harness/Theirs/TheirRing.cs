using System.Runtime.CompilerServices;
using Disruptor;
using Disruptor.Processing;
using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Engine.DisruptorSideBySide.Theirs;

/// <summary>
/// The scenarios on Disruptor-net's ring, set up as its perf tests set them up (barriers owned by
/// <see cref="SequenceWaiterOwner.Unknown"/>, processors from <see cref="EventProcessorFactory"/>, started on their
/// own long-running task), measured as <see cref="Measurement"/> measures ours.
/// </summary>
public static class TheirRing
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(5);

    /// <summary>One producer, one consumer of class events; <paramref name="batch"/> events per claim.</summary>
    public static double OneToOne(TimeSpan duration, IWaitStrategy wait, int batch)
    {
        var ring = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), ScenarioSettings.OneToOneRingSize, wait);
        var handler = new TheirAdditionHandler();
        var consumer = EventProcessorFactory.Create(ring, ring.NewBarrier(SequenceWaiterOwner.Unknown), handler);
        ring.AddGatingSequences(consumer.Sequence);
        var rate = Run([consumer], consumer.Sequence, duration, stop =>
        {
            if (batch == 1)
            {
                Produce(ring, stop);
            }
            else
            {
                ProduceBatches(ring, batch, stop);
            }
        });
        Measurement.Check("disruptor sum", Measurement.SumOfSequences(consumer.Sequence.Value + 1), handler.Value);
        return rate;
    }

    /// <summary>One producer, one consumer of struct events on a <see cref="ValueRingBuffer{T}"/>, yielding.</summary>
    public static double OneToOneValue(TimeSpan duration)
    {
        var ring = ValueRingBuffer<CountingValue>.CreateSingleProducer(() => default, ScenarioSettings.OneToOneRingSize, new YieldingWaitStrategy());
        var handler = new TheirAdditionHandler();
        var consumer = EventProcessorFactory.Create(ring, ring.NewBarrier(SequenceWaiterOwner.Unknown), handler);
        ring.AddGatingSequences(consumer.Sequence);
        var rate = Run([consumer], consumer.Sequence, duration, stop => ProduceValues(ring, stop));
        Measurement.Check("disruptor sum", Measurement.SumOfSequences(consumer.Sequence.Value + 1), handler.Value);
        return rate;
    }

    /// <summary>One producer, three consumers in a chain, yielding.</summary>
    public static double Pipeline3(TimeSpan duration)
    {
        var ring = RingBuffer<PipelineEvent>.CreateSingleProducer(() => new PipelineEvent(), ScenarioSettings.PipelineRingSize, new YieldingWaitStrategy());
        var third = new TheirPipelineHandler(PipelineStep.Three);
        var c1 = EventProcessorFactory.Create(ring, ring.NewBarrier(SequenceWaiterOwner.Unknown), new TheirPipelineHandler(PipelineStep.One));
        var c2 = EventProcessorFactory.Create(ring, ring.NewBarrier(SequenceWaiterOwner.Unknown, c1.Sequence), new TheirPipelineHandler(PipelineStep.Two));
        var c3 = EventProcessorFactory.Create(ring, ring.NewBarrier(SequenceWaiterOwner.Unknown, c2.Sequence), third);
        ring.AddGatingSequences(c3.Sequence);
        var rate = Run([c1, c2, c3], c3.Sequence, duration, stop => ProducePipeline(ring, stop));
        Measurement.Check("disruptor step three", PipelineWork.ExpectedCount(c3.Sequence.Value + 1), third.Counter);
        return rate;
    }

    /// <summary>Round trips between two threads over two rings, yielding.</summary>
    public static LatencyResult PingPong(TimeSpan duration)
    {
        var recorder = new RoundTripRecorder();
        var pingRing = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), ScenarioSettings.PingPongRingSize, new YieldingWaitStrategy());
        var pongRing = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), ScenarioSettings.PingPongRingSize, new YieldingWaitStrategy());
        var pingerHandler = new TheirPinger(pingRing, recorder);
        var pinger = EventProcessorFactory.Create(pongRing, pongRing.NewBarrier(SequenceWaiterOwner.Unknown), pingerHandler);
        var ponger = EventProcessorFactory.Create(pingRing, pingRing.NewBarrier(SequenceWaiterOwner.Unknown), new TheirPonger(pongRing));
        pingRing.AddGatingSequences(ponger.Sequence);
        pongRing.AddGatingSequences(pinger.Sequence);
        WaitStarted(ponger.Start());
        WaitStarted(pinger.Start());

        Thread.Sleep(Measurement.WarmUp(duration));
        recorder.StartRecording();
        Thread.Sleep(duration);
        recorder.RequestStop();
        if (!recorder.Stopped.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("disruptor ping-pong: the pinger did not stop");
        }

        Task.WaitAll(pinger.Halt(), ponger.Halt());
        return LatencyResult.From(recorder, pingerHandler.RoundTrips);
    }

    private static double Run(IEventProcessor[] consumers, Sequence last, TimeSpan duration, Action<StrongBox<int>> produce)
    {
        foreach (var c in consumers)
        {
            WaitStarted(c.Start());
        }

        return Measurement.Throughput(duration, () => last.Value, produce, () => Task.WaitAll(consumers.Select(c => c.Halt()).ToArray()));
    }

    private static void WaitStarted(Task started)
    {
        if (!started.Wait(s_startTimeout))
        {
            throw new InvalidOperationException("a Disruptor-net event processor did not start");
        }
    }

    // WARNING: the same producer loops as OurRing's (static, optimized at once, the sequence as the value).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Produce(RingBuffer<CountingEvent> ring, StrongBox<int> stop)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ProduceValues(ValueRingBuffer<CountingValue> ring, StrongBox<int> stop)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ProduceBatches(RingBuffer<CountingEvent> ring, int batch, StrongBox<int> stop)
    {
        while (Volatile.Read(ref stop.Value) == 0)
        {
            for (var i = 0; i < 1024; i += batch)
            {
                var high = ring.Next(batch);
                var low = high - batch + 1;
                for (var s = low; s <= high; s++)
                {
                    ring[s].Value = s;
                }

                ring.Publish(low, high);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ProducePipeline(RingBuffer<PipelineEvent> ring, StrongBox<int> stop)
    {
        var operandTwo = PipelineWork.OperandTwoStart;
        while (Volatile.Read(ref stop.Value) == 0)
        {
            for (var i = 0; i < 1024; i++)
            {
                var s = ring.Next();
                var e = ring[s];
                e.OperandOne = s;
                e.OperandTwo = operandTwo--;
                ring.Publish(s);
            }
        }
    }
}
