using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>Counts frames and bytes; the cheapest consumer, for throughput figures.</summary>
public sealed class CountingHandler : IEventHandler<PipelineSlot>
{
    public long Frames { get; private set; }

    public long Bytes { get; private set; }

    public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
    {
        Frames++;
        Bytes += data.FrameLength;
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
