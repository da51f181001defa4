using System.Runtime.CompilerServices;
using RoboTrader.Engine.PerfTests;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.DisruptorSideBySide.Ours;

/// <summary>The scenarios on our ring (RoboTrader.Engine.Ring); each returns events per second or round-trip percentiles.</summary>
public static class OurRing
{
    /// <summary>One producer, one consumer of class events; <paramref name="batch"/> events per claim.</summary>
    public static double OneToOne(TimeSpan duration, IWaitStrategy wait, int batch)
    {
        var ring = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), ScenarioSettings.OneToOneRingSize);
        var consumer = new BatchEventProcessor<CountingEvent, OurAdditionHandler>(ring, ring.NewBarrier(wait), new OurAdditionHandler());
        ring.AddGatingSequences(consumer.Sequence);
        var rate = Run([consumer], consumer.Sequence, duration, stop =>
        {
            if (batch == 1)
            {
                RingThroughput.Produce(ring, stop);
            }
            else
            {
                RingThroughput.ProduceBatches(ring, batch, stop);
            }
        });
        Measurement.Check("ours sum", Measurement.SumOfSequences(consumer.Sequence.Value + 1), consumer.Handler.Value);
        return rate;
    }

    /// <summary>One producer, one consumer of struct events, yielding.</summary>
    public static double OneToOneValue(TimeSpan duration)
    {
        var ring = RingBuffer<CountingValue>.CreateSingleProducer(() => default, ScenarioSettings.OneToOneRingSize);
        var consumer = new BatchEventProcessor<CountingValue, OurAdditionHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), new OurAdditionHandler());
        ring.AddGatingSequences(consumer.Sequence);
        var rate = Run([consumer], consumer.Sequence, duration, stop => RingThroughput.ProduceValues(ring, stop));
        Measurement.Check("ours sum", Measurement.SumOfSequences(consumer.Sequence.Value + 1), consumer.Handler.Value);
        return rate;
    }

    /// <summary>One producer, three consumers in a chain, yielding.</summary>
    public static double Pipeline3(TimeSpan duration)
    {
        var ring = RingBuffer<PipelineEvent>.CreateSingleProducer(() => new PipelineEvent(), ScenarioSettings.PipelineRingSize);
        var c1 = new BatchEventProcessor<PipelineEvent, OurPipelineHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), new OurPipelineHandler(PipelineStep.One));
        var c2 = new BatchEventProcessor<PipelineEvent, OurPipelineHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy(), c1.Sequence), new OurPipelineHandler(PipelineStep.Two));
        var c3 = new BatchEventProcessor<PipelineEvent, OurPipelineHandler>(ring, ring.NewBarrier(new YieldingWaitStrategy(), c2.Sequence), new OurPipelineHandler(PipelineStep.Three));
        ring.AddGatingSequences(c3.Sequence);
        var rate = Run([c1, c2, c3], c3.Sequence, duration, stop => ProducePipeline(ring, stop));
        Measurement.Check("ours step three", PipelineWork.ExpectedCount(c3.Sequence.Value + 1), c3.Handler.Counter);
        return rate;
    }

    /// <summary>Round trips between two threads over two rings, yielding.</summary>
    public static LatencyResult PingPong(TimeSpan duration)
    {
        var recorder = new RoundTripRecorder();
        var pingRing = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), ScenarioSettings.PingPongRingSize);
        var pongRing = RingBuffer<CountingEvent>.CreateSingleProducer(() => new CountingEvent(), ScenarioSettings.PingPongRingSize);
        var pinger = new BatchEventProcessor<CountingEvent, OurPinger>(pongRing, pongRing.NewBarrier(new YieldingWaitStrategy()), new OurPinger(pingRing, recorder));
        var ponger = new BatchEventProcessor<CountingEvent, OurPonger>(pingRing, pingRing.NewBarrier(new YieldingWaitStrategy()), new OurPonger(pongRing));
        pingRing.AddGatingSequences(ponger.Sequence);
        pongRing.AddGatingSequences(pinger.Sequence);
        var threads = new[] { new Thread(ponger.Run) { IsBackground = true }, new Thread(pinger.Run) { IsBackground = true } };
        foreach (var t in threads)
        {
            t.Start();
        }

        Thread.Sleep(Measurement.WarmUp(duration));
        recorder.StartRecording();
        Thread.Sleep(duration);
        recorder.RequestStop();
        if (!recorder.Stopped.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("ours ping-pong: the pinger did not stop");
        }

        pinger.Halt();
        ponger.Halt();
        foreach (var t in threads)
        {
            t.Join();
        }

        return LatencyResult.From(recorder, pinger.Handler.RoundTrips);
    }

    private static double Run(IEventProcessor[] consumers, Sequence last, TimeSpan duration, Action<StrongBox<int>> produce)
    {
        var threads = consumers.Select(c => new Thread(c.Run) { IsBackground = true }).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        return Measurement.Throughput(duration, () => last.Value, produce, () =>
        {
            foreach (var c in consumers)
            {
                c.Halt();
            }

            foreach (var t in threads)
            {
                t.Join();
            }
        });
    }

    // WARNING: producer loops are static methods compiled optimized at once (as lambdas over closure fields they
    // measured the harness, not the ring); ours are RingThroughput's own. Each event carries its sequence so the
    // consumer's sum can be checked exactly.
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
