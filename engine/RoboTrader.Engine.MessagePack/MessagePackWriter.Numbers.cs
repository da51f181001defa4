using System.Buffers.Binary;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The writer's numbers: integers in their smallest encoding and floats.</summary>
public ref partial struct MessagePackWriter
{
    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteSByte(sbyte value) => WriteInt64(value);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteByte(byte value) => WriteUInt64(value);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt16(short value) => WriteInt64(value);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt16(ushort value) => WriteUInt64(value);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt32(int value) => WriteInt64(value);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value) => WriteUInt64(value);

    /// <summary>
    /// Writes an integer in its smallest encoding: non-negative values as positive fixint or uint 8–64 (as the
    /// reference implementations do), negative values as negative fixint or int 8–64.
    /// </summary>
    /// <param name="value">The value.</param>
    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteUInt64((ulong)value);
        }
        else if (value >= -32)
        {
            WriteCode(unchecked((byte)value));
        }
        else if (value >= sbyte.MinValue)
        {
            var span = GetSpan(2);
            if (span.Length < 2)
            {
                return;
            }

            span[0] = MessagePackCode.Int8;
            span[1] = unchecked((byte)value);
            _buffered += 2;
        }
        else if (value >= short.MinValue)
        {
            var span = GetSpan(3);
            if (span.Length < 3)
            {
                return;
            }

            span[0] = MessagePackCode.Int16;
            BinaryPrimitives.WriteInt16BigEndian(span[1..], (short)value);
            _buffered += 3;
        }
        else if (value >= int.MinValue)
        {
            var span = GetSpan(5);
            if (span.Length < 5)
            {
                return;
            }

            span[0] = MessagePackCode.Int32;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)value);
            _buffered += 5;
        }
        else
        {
            var span = GetSpan(9);
            if (span.Length < 9)
            {
                return;
            }

            span[0] = MessagePackCode.Int64;
            BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
            _buffered += 9;
        }
    }

    /// <summary>Writes an unsigned integer in its smallest encoding: positive fixint or uint 8/16/32/64.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt64(ulong value)
    {
        if (value <= MessagePackCode.MaxPositiveFixInt)
        {
            WriteCode((byte)value);
        }
        else if (value <= byte.MaxValue)
        {
            var span = GetSpan(2);
            if (span.Length < 2)
            {
                return;
            }

            span[0] = MessagePackCode.UInt8;
            span[1] = (byte)value;
            _buffered += 2;
        }
        else if (value <= ushort.MaxValue)
        {
            var span = GetSpan(3);
            if (span.Length < 3)
            {
                return;
            }

            span[0] = MessagePackCode.UInt16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)value);
            _buffered += 3;
        }
        else if (value <= uint.MaxValue)
        {
            var span = GetSpan(5);
            if (span.Length < 5)
            {
                return;
            }

            span[0] = MessagePackCode.UInt32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)value);
            _buffered += 5;
        }
        else
        {
            var span = GetSpan(9);
            if (span.Length < 9)
            {
                return;
            }

            span[0] = MessagePackCode.UInt64;
            BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
            _buffered += 9;
        }
    }

    /// <summary>Writes a float 32 (<c>0xca</c>).</summary>
    /// <param name="value">The value.</param>
    public void WriteSingle(float value)
    {
        var span = GetSpan(5);
        if (span.Length < 5)
        {
            return;
        }

        span[0] = MessagePackCode.Float32;
        BinaryPrimitives.WriteSingleBigEndian(span[1..], value);
        _buffered += 5;
    }

    /// <summary>Writes a float 64 (<c>0xcb</c>).</summary>
    /// <param name="value">The value.</param>
    public void WriteDouble(double value)
    {
        var span = GetSpan(9);
        if (span.Length < 9)
        {
            return;
        }

        span[0] = MessagePackCode.Float64;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        _buffered += 9;
    }
}
