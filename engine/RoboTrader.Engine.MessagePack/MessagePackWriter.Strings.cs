using System.Buffers.Binary;
using System.Text;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The writer's strings and binary data.</summary>
public ref partial struct MessagePackWriter
{
    /// <summary>
    /// Writes a string from UTF-16, encoded to UTF-8 (an unpaired surrogate becomes U+FFFD, as
    /// <see cref="Encoding.UTF8"/> does), as fixstr or str 8/16/32 by its UTF-8 length.
    /// </summary>
    /// <param name="value">The characters.</param>
    public void WriteString(ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var header = StringHeaderSize(length);
        var span = GetSpan(header + length);
        if (span.Length < header + length)
        {
            return;
        }

        WriteStringHeader(span, length);
        Encoding.UTF8.GetBytes(value, span[header..]);
        _buffered += header + length;
    }

    /// <summary>Writes a string from bytes that are already UTF-8 (not validated), as fixstr or str 8/16/32.</summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    public void WriteString(ReadOnlySpan<byte> utf8)
    {
        var header = StringHeaderSize(utf8.Length);
        var span = GetSpan(header + utf8.Length);
        if (span.Length < header + utf8.Length)
        {
            return;
        }

        WriteStringHeader(span, utf8.Length);
        utf8.CopyTo(span[header..]);
        _buffered += header + utf8.Length;
    }

    /// <summary>Writes bytes as bin 8/16/32 by their length.</summary>
    /// <param name="value">The bytes.</param>
    public void WriteBinary(scoped ReadOnlySpan<byte> value)
    {
        var header = value.Length <= byte.MaxValue ? 2 : value.Length <= ushort.MaxValue ? 3 : 5;
        var span = GetSpan(header + value.Length);
        if (span.Length < header + value.Length)
        {
            return;
        }

        switch (header)
        {
            case 2:
                span[0] = MessagePackCode.Bin8;
                span[1] = (byte)value.Length;
                break;
            case 3:
                span[0] = MessagePackCode.Bin16;
                BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)value.Length);
                break;
            default:
                span[0] = MessagePackCode.Bin32;
                BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)value.Length);
                break;
        }

        value.CopyTo(span[header..]);
        _buffered += header + value.Length;
    }

    private static int StringHeaderSize(int length)
        => length <= 31 ? 1 : length <= byte.MaxValue ? 2 : length <= ushort.MaxValue ? 3 : 5;

    private static void WriteStringHeader(Span<byte> span, int length)
    {
        if (length <= 31)
        {
            span[0] = (byte)(MessagePackCode.MinFixStr | length);
        }
        else if (length <= byte.MaxValue)
        {
            span[0] = MessagePackCode.Str8;
            span[1] = (byte)length;
        }
        else if (length <= ushort.MaxValue)
        {
            span[0] = MessagePackCode.Str16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
        }
        else
        {
            span[0] = MessagePackCode.Str32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
        }
    }
}
