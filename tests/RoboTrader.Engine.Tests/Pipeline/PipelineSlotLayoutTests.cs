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
    public void ConsumerFields_FollowTheInlineFrameWithTheOutcomesBetween()
    {
        var slot = Slot;
        var frameEnd = -(long)PipelineSlot.InitialFrameCapacity; // Offset is field→frame, so after the frame is ≤ −capacity
        var market = Offset(ref slot.Market);

        Assert.True(market <= frameEnd - 20, $"Market is {-market} bytes after the frame start; the 20 bytes of outcomes must sit between the frame and it");
        Assert.True(Offset(ref slot.OrderId) < market);
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
    public void ConsumerReadBytes_EndsWithMarketAndCoversTheFrame()
    {
        var slot = Slot;
        ref var firstField = ref Unsafe.As<RawObject>(slot).Data; // the object's first field: its header (one pointer) before it
        var marketEnd = Unsafe.ByteOffset(ref firstField, ref Unsafe.As<MarketEvent, byte>(ref Unsafe.Add(ref slot.Market, 1))) + IntPtr.Size;
        var frameEnd = Unsafe.ByteOffset(ref firstField, ref FrameStart) + IntPtr.Size + PipelineSlot.InitialFrameCapacity;

        Assert.Equal(marketEnd, PipelineSlot.ConsumerReadBytes);
        Assert.True(frameEnd < PipelineSlot.ConsumerReadBytes, $"the frame ends at {frameEnd}, past the {PipelineSlot.ConsumerReadBytes} bytes prefetched");
    }

    private sealed class RawObject
    {
        public byte Data;
    }
}
