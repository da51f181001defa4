using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Pipeline;

/// <summary>
/// <see cref="PipelineSlot.FrameStorage"/>: the frame is its start, and a market-data frame has the room after it that
/// lets the journal's delta encoder read it in place.
/// </summary>
public sealed class PipelineSlotFrameStorageTests
{
    [Fact]
    public void InlineFrame_StorageIsTheInlineBufferStartingAtTheFrame()
    {
        var slot = new PipelineSlot();
        var row = "34085038,138300,27900,0,0,P,1,0"u8;
        slot.SetFrame(row);

        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(slot.Frame), ref MemoryMarshal.GetReference(slot.FrameStorage)));
        Assert.Equal(PipelineSlot.InitialFrameCapacity, slot.FrameStorage.Length);
        Assert.True(slot.FrameStorage.Length - slot.FrameLength >= JournalDeltaEncoder.InPlacePadding); // read in place
        Assert.True(slot.FrameStorage[..slot.FrameLength].SequenceEqual(row));
    }

    [Fact]
    public void OverflowFrame_StorageStartsWithTheFrameAndHoldsAllOfIt_ThenInlineAgain()
    {
        var slot = new PipelineSlot();
        var large = Enumerable.Range(0, PipelineSlot.InitialFrameCapacity + 37).Select(i => (byte)('0' + (i % 10))).ToArray();
        slot.SetFrame(large);

        Assert.True(slot.FrameStorage.Length >= large.Length);
        Assert.True(slot.FrameStorage[..slot.FrameLength].SequenceEqual(large));

        slot.SetFrame("1,2"u8);

        Assert.Equal(PipelineSlot.InitialFrameCapacity, slot.FrameStorage.Length);
        Assert.True(slot.FrameStorage[..slot.FrameLength].SequenceEqual("1,2"u8));
    }
}
