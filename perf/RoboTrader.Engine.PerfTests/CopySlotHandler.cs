using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// The trivial consumer of the <c>memory-replay</c> reference: reads the length and the first and last byte of each
/// frame, so the slot's lines travel from the producer's core to the consumer's as they do for parse, and does no
/// other work (a struct: the processor is specialised for it).
/// </summary>
public struct CopySlotHandler : IEventHandler<CopySlot>
{
    /// <summary>What was read (kept so the reads are not optimized away).</summary>
    public long Sum;

    /// <inheritdoc />
    public void OnEvent(ref CopySlot data, long sequence, bool endOfBatch)
    {
        var frame = data.Frame;
        Sum += frame.Length + frame[0] + frame[^1];
    }

    /// <inheritdoc />
    public readonly void OnStart()
    {
    }

    /// <inheritdoc />
    public readonly void OnShutdown()
    {
    }
}
