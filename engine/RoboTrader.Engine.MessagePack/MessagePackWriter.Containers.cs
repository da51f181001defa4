using System.Buffers.Binary;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The writer's container headers: arrays and maps.</summary>
public ref partial struct MessagePackWriter
{
    /// <summary>Writes an array header (fixarray, array 16/32); the <paramref name="count"/> values follow.</summary>
    /// <param name="count">The number of elements.</param>
    public void WriteArrayHeader(int count)
        => WriteContainerHeader(count, MessagePackCode.MinFixArray, MessagePackCode.Array16, MessagePackCode.Array32);

    /// <summary>Writes a map header (fixmap, map 16/32); <paramref name="count"/> key–value pairs follow.</summary>
    /// <param name="count">The number of entries (pairs).</param>
    public void WriteMapHeader(int count)
        => WriteContainerHeader(count, MessagePackCode.MinFixMap, MessagePackCode.Map16, MessagePackCode.Map32);

    private void WriteContainerHeader(int count, byte fixCode, byte code16, byte code32)
    {
        if (count < 0)
        {
            ThrowHelper.ThrowNegativeCount(nameof(count), count);
        }

        if (count <= 15)
        {
            WriteCode((byte)(fixCode | count));
        }
        else if (count <= ushort.MaxValue)
        {
            var span = GetSpan(3);
            if (span.Length < 3)
            {
                return;
            }

            span[0] = code16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)count);
            _buffered += 3;
        }
        else
        {
            var span = GetSpan(5);
            if (span.Length < 5)
            {
                return;
            }

            span[0] = code32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)count);
            _buffered += 5;
        }
    }
}
