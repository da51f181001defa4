using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// The slot of the <c>memory-replay</c> reference: what ingest writes per frame (source, receive stamp, length, the
/// frame inline), and nothing a stage writes. Deliberately its own type, not the pipeline's slot: a reference that
/// grew with the pipeline's slot would hide the very regression it is there to expose.
/// </summary>
public sealed class CopySlot
{
    /// <summary>The frame's source (its stream index in <see cref="ReplayFrames"/>).</summary>
    public int Source;

    /// <summary>Length of the frame.</summary>
    public int Length;

    /// <summary>Stamp written by the producer, as ingest stamps each batch.</summary>
    public long ReceiveTimestamp;

    private Inline _frame;

    /// <summary>The frame's bytes.</summary>
    public ReadOnlySpan<byte> Frame => MemoryMarshal.CreateReadOnlySpan(ref _frame[0], Length);

    /// <summary>Copies <paramref name="frame"/> into the slot (at most <see cref="Inline.Size"/> bytes, as the pipeline slot's inline frame).</summary>
    public void SetFrame(ReadOnlySpan<byte> frame)
    {
        frame.CopyTo(MemoryMarshal.CreateSpan(ref _frame[0], Inline.Size));
        Length = frame.Length;
    }

    /// <summary>Inline frame storage, the size of the pipeline slot's.</summary>
    [InlineArray(Size)]
    public struct Inline
    {
        /// <summary>Bytes.</summary>
        public const int Size = 128;

        private byte _element;
    }
}
