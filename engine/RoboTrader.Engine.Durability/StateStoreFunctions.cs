using System.Buffers;
using FASTER.core;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// FASTER callbacks for byte-blob values: writes copy the caller's bytes, reads copy into the caller's pinned buffer
/// when it is large enough and into pooled memory otherwise.
/// </summary>
internal sealed class StateStoreFunctions : SpanByteFunctions<StateKey, SpanByteAndMemory, Empty>
{
    public override bool SingleReader(
        ref StateKey key, ref SpanByte input, ref SpanByte value, ref SpanByteAndMemory dst, ref ReadInfo readInfo)
    {
        value.CopyTo(ref dst, MemoryPool<byte>.Shared);
        return true;
    }

    public override bool ConcurrentReader(
        ref StateKey key, ref SpanByte input, ref SpanByte value, ref SpanByteAndMemory dst, ref ReadInfo readInfo)
    {
        value.CopyTo(ref dst, MemoryPool<byte>.Shared);
        return true;
    }
}
