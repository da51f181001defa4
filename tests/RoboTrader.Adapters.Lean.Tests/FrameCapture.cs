using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>
/// Runs an <see cref="IFrameSource"/> into a real ring with one consumer thread that hands every slot to
/// a handler; returns once the consumer has seen everything the source published.
/// </summary>
public static class FrameCapture
{
    /// <summary>Registers and runs <paramref name="source"/>, collecting every frame (source and a copy of the bytes).</summary>
    public static (SourceRegistry Registry, List<CapturedFrame> Frames) Collect(IFrameSource source, int ringSize = 1 << 12)
    {
        var registry = new SourceRegistry();
        source.RegisterSources(registry);
        var handler = Run(source, registry, new CollectingHandler(), ringSize);
        return (registry, handler.Frames);
    }

    /// <summary>Runs <paramref name="source"/> (already registered in <paramref name="registry"/>) through <paramref name="handler"/>.</summary>
    public static THandler Run<THandler>(IFrameSource source, SourceRegistry registry, THandler handler, int ringSize = 1 << 12)
        where THandler : class, IEventHandler<PipelineSlot>
    {
        registry.Freeze();
        var ring = RingBuffer<PipelineSlot>.CreateSingleProducer(() => new PipelineSlot(), ringSize);
        var processor = new BatchEventProcessor<PipelineSlot, THandler>(ring, ring.NewBarrier(new YieldingWaitStrategy()), handler);
        ring.AddGatingSequences(processor.Sequence);
        var ingest = new IngestStage(ring, registry);
        var thread = new Thread(processor.Run) { IsBackground = true, Name = "test consumer" };
        thread.Start();
        try
        {
            source.Run(ingest, CancellationToken.None);
            var spin = default(SpinWait);
            while (processor.Sequence.Value < ring.Cursor && processor.Fault is null)
            {
                spin.SpinOnce();
            }
        }
        finally
        {
            processor.Halt();
            thread.Join();
        }

        if (processor.Fault is { } fault)
        {
            throw new InvalidOperationException("the test consumer failed", fault);
        }

        return handler;
    }

    /// <summary>Copies every frame.</summary>
    public sealed class CollectingHandler : IEventHandler<PipelineSlot>
    {
        /// <summary>The frames, in sequence order.</summary>
        public List<CapturedFrame> Frames { get; } = [];

        /// <inheritdoc />
        public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
            => Frames.Add(new CapturedFrame(data.Source, data.Frame.ToArray()));

        /// <inheritdoc />
        public void OnStart()
        {
        }

        /// <inheritdoc />
        public void OnShutdown()
        {
        }
    }
}
