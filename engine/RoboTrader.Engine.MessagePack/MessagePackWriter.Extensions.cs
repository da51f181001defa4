using System.Buffers.Binary;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The writer's extensions and timestamps.</summary>
public ref partial struct MessagePackWriter
{
    /// <summary>Writes an extension: fixext 1/2/4/8/16 when the data has exactly that length, else ext 8/16/32.</summary>
    /// <param name="type">The application type (negative types are reserved by the spec; −1 is the timestamp).</param>
    /// <param name="data">The extension data.</param>
    public void WriteExtension(sbyte type, ReadOnlySpan<byte> data)
    {
        var header = ExtensionHeaderSize(data.Length);
        var span = GetSpan(header + data.Length);
        if (span.Length < header + data.Length)
        {
            return;
        }

        WriteExtensionHeader(span, type, data.Length);
        data.CopyTo(span[header..]);
        _buffered += header + data.Length;
    }

    /// <summary>Writes a timestamp (extension −1), choosing timestamp 32, 64 or 96 as the spec's pseudo code does.</summary>
    /// <param name="value">The timestamp.</param>
    public void WriteTimestamp(MessagePackTimestamp value) => WriteTimestamp(value.Seconds, value.Nanoseconds);

    /// <summary>
    /// Writes a timestamp (extension −1): timestamp 32 when the nanoseconds are 0 and the seconds fit 32 unsigned
    /// bits, timestamp 64 when the seconds fit 34 unsigned bits, else timestamp 96.
    /// </summary>
    /// <param name="seconds">Seconds since 1970-01-01T00:00:00Z (may be negative).</param>
    /// <param name="nanoseconds">Nanoseconds, at most 999,999,999 (else <see cref="ArgumentOutOfRangeException"/>).</param>
    public void WriteTimestamp(long seconds, uint nanoseconds)
    {
        if (nanoseconds > MessagePackTimestamp.MaxNanoseconds)
        {
            ThrowHelper.ThrowNanosecondsOutOfRange(nanoseconds);
        }

        if ((ulong)seconds >> 34 == 0)
        {
            var data64 = ((ulong)nanoseconds << 34) | (ulong)seconds;
            if ((data64 & 0xffffffff00000000UL) == 0)
            {
                var span = GetSpan(6);
                if (span.Length < 6)
                {
                    return;
                }

                span[0] = MessagePackCode.FixExt4;
                span[1] = unchecked((byte)MessagePackTimestamp.ExtensionType);
                BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)data64);
                _buffered += 6;
            }
            else
            {
                var span = GetSpan(10);
                if (span.Length < 10)
                {
                    return;
                }

                span[0] = MessagePackCode.FixExt8;
                span[1] = unchecked((byte)MessagePackTimestamp.ExtensionType);
                BinaryPrimitives.WriteUInt64BigEndian(span[2..], data64);
                _buffered += 10;
            }
        }
        else
        {
            var span = GetSpan(15);
            if (span.Length < 15)
            {
                return;
            }

            span[0] = MessagePackCode.Ext8;
            span[1] = 12;
            span[2] = unchecked((byte)MessagePackTimestamp.ExtensionType);
            BinaryPrimitives.WriteUInt32BigEndian(span[3..], nanoseconds);
            BinaryPrimitives.WriteInt64BigEndian(span[7..], seconds);
            _buffered += 15;
        }
    }

    private static int ExtensionHeaderSize(int length) => length switch
    {
        1 or 2 or 4 or 8 or 16 => 2,
        <= byte.MaxValue => 3,
        <= ushort.MaxValue => 4,
        _ => 6,
    };

    private static void WriteExtensionHeader(Span<byte> span, sbyte type, int length)
    {
        switch (length)
        {
            case 1:
                span[0] = MessagePackCode.FixExt1;
                span[1] = unchecked((byte)type);
                return;
            case 2:
                span[0] = MessagePackCode.FixExt2;
                span[1] = unchecked((byte)type);
                return;
            case 4:
                span[0] = MessagePackCode.FixExt4;
                span[1] = unchecked((byte)type);
                return;
            case 8:
                span[0] = MessagePackCode.FixExt8;
                span[1] = unchecked((byte)type);
                return;
            case 16:
                span[0] = MessagePackCode.FixExt16;
                span[1] = unchecked((byte)type);
                return;
            case <= byte.MaxValue:
                span[0] = MessagePackCode.Ext8;
                span[1] = (byte)length;
                span[2] = unchecked((byte)type);
                return;
            case <= ushort.MaxValue:
                span[0] = MessagePackCode.Ext16;
                BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
                span[3] = unchecked((byte)type);
                return;
            default:
                span[0] = MessagePackCode.Ext32;
                BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
                span[5] = unchecked((byte)type);
                return;
        }
    }
}
