using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Pipeline;

/// <summary>
/// Pins the slot's memory layout the throughput depends on: what the producer writes comes before the inline frame,
/// what the consumer stages write comes after it, and the task-input fields (cold) come last. A field added in the
/// wrong place would put a line written by both threads back into every event.
/// </summary>
public sealed class PipelineSlotLayoutTests
{
    private static readonly PipelineSlot Slot = NewSlot();

    private static PipelineSlot NewSlot()
    {
        var slot = new PipelineSlot();
        slot.SetFrame("1"u8);
        return slot;
    }

    private static long Offset<T>(ref T field) => Unsafe.ByteOffset(ref Unsafe.As<T, byte>(ref field), ref FrameStart);

    private static ref byte FrameStart => ref MemoryMarshal.GetReference(Slot.Frame);

    [Fact]
    public void ProducerFields_AllPrecedeTheFrame()
    {
        var slot = Slot;
        long[] producer = [Offset(ref slot.Kind), Offset(ref slot.CheckpointId), Offset(ref slot.ReceiveTimestamp), Offset(ref slot.FrameLength), Offset(ref slot.Fault), Offset(ref slot.Source)];

        Assert.All(producer, offset => Assert.True(offset > 0, $"a producer field is {offset} bytes from the frame, not before it"));
    }

    [Fact]
    public void ParseFields_FollowTheInlineFrameWithTheOutcomesBetween()
    {
        var slot = Slot;
        var frameEnd = -(long)PipelineSlot.InitialFrameCapacity; // Offset is field→frame, so after the frame is ≤ −capacity

        var parse = Offset(ref slot.ParseFieldsStart);

        Assert.True(parse <= frameEnd, $"parse's outcomes start {-parse} bytes after the frame start, inside the frame");
        Assert.True(Offset(ref slot.Market) <= parse - 8, "Market overlaps parse's 8 bytes of outcomes or comes before them");
    }

    [Fact]
    public void LaterStageFields_StartAtLeastALineAfterWhatParseWrites()
    {
        var slot = Slot;
        var marketEnd = Offset(ref Unsafe.Add(ref slot.Market, 1));
        var stage = Offset(ref slot.StageFieldsStart);

        Assert.True(stage <= marketEnd - 64, $"the later stages' fields start {marketEnd - stage} bytes after Market ends; parse (on the producer) and they would share a line");
        Assert.True(Offset(ref slot.OrderId) < stage);
        Assert.True(Offset(ref slot.Breaches) < Offset(ref slot.OrderId));
    }

    [Fact]
    public void TaskInputFields_ComeLast()
    {
        var slot = Slot;

        Assert.True(Offset(ref slot.Signal) < Offset(ref slot.Breaches));
        Assert.True(Offset(ref slot.Command) < Offset(ref slot.Signal));
        Assert.Equal(MarketEventKind.None, slot.Market.Kind);
    }

    [Fact]
    public void PrefetchBytes_EndWithMarketAndCoverTheFrame()
    {
        var slot = Slot;

        Assert.Equal(FromStart(ref Unsafe.Add(ref slot.Market, 1)), PipelineSlot.PrefetchBytes);
        Assert.True(FromStart(ref FrameStart) + PipelineSlot.InitialFrameCapacity < PipelineSlot.PrefetchBytes);
        Assert.True(FromStart(ref slot.StageFieldsStart) >= PipelineSlot.PrefetchBytes + 64, "the later stages' lines are not prefetched");
    }

    // From the start of the slot object: its first field has the object header (one pointer) before it.
    private static long FromStart<T>(ref T field)
        => Unsafe.ByteOffset(ref Unsafe.As<RawObject>(Slot).Data, ref Unsafe.As<T, byte>(ref field)) + IntPtr.Size;

    private sealed class RawObject
    {
        public byte Data = 0; // never read: only its address is
    }
}
