using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace RoboTrader.Engine.MessagePack;

/// <summary>
/// Writes MessagePack into a caller's <see cref="Span{T}"/> or an <see cref="IBufferWriter{T}"/>, always choosing the
/// smallest format the spec allows for the value (integers, string/binary/extension lengths, container counts).
/// Allocation-free.
/// </summary>
/// <remarks>
/// <para>
/// Error design (span mode): a value that does not fit in the remaining room is not written at all, and the
/// writer becomes <see cref="HasOverflowed"/>: every later write is ignored too, so a record is never half-encoded
/// silently. Write the whole record, then check <see cref="HasOverflowed"/> once (an error value, not an exception,
/// so the hot path stays small). WARNING: the bytes of an overflowed writer must not be used.
/// </para>
/// <para>
/// Buffer-writer mode never overflows: it asks the <see cref="IBufferWriter{T}"/> for room per value and
/// <see cref="Flush"/> must be called at the end to advance it past the last bytes written.
/// </para>
/// <para>
/// Only caller mistakes throw (a negative count, timestamp nanoseconds over 999,999,999). Floats are written as
/// given: <see cref="WriteSingle"/> always float 32, <see cref="WriteDouble"/> always float 64 (never narrowed).
/// Not thread-safe: one writer per thread.
/// </para>
/// </remarks>
public ref struct MessagePackWriter
{
    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _span;
    private int _buffered;
    private long _committed;
    private bool _overflowed;

    /// <summary>Creates a writer into a fixed span.</summary>
    /// <param name="destination">Where to write; <see cref="BytesWritten"/> says how much of it was used.</param>
    public MessagePackWriter(Span<byte> destination)
    {
        _span = destination;
    }

    /// <summary>Creates a writer into a buffer writer; call <see cref="Flush"/> when done.</summary>
    /// <param name="output">The destination.</param>
    public MessagePackWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Bytes written so far (in buffer-writer mode, including bytes not yet flushed).</summary>
    public readonly long BytesWritten => _committed + _buffered;

    /// <summary>True once a value did not fit in the destination span; the output is then incomplete and unusable.</summary>
    public readonly bool HasOverflowed => _overflowed;

    /// <summary>In buffer-writer mode, advances the buffer writer past the bytes written; in span mode, does nothing.</summary>
    public void Flush()
    {
        if (_output is not null && _buffered > 0)
        {
            _output.Advance(_buffered);
            _committed += _buffered;
            _buffered = 0;
            _span = default;
        }
    }

    /// <summary>Writes nil (<c>0xc0</c>).</summary>
    public void WriteNil() => WriteCode(MessagePackCode.Nil);

    /// <summary>Writes false (<c>0xc2</c>) or true (<c>0xc3</c>).</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteCode(value ? MessagePackCode.True : MessagePackCode.False);

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

    /// <summary>Writes an array header (fixarray, array 16/32); the <paramref name="count"/> values follow.</summary>
    /// <param name="count">The number of elements.</param>
    public void WriteArrayHeader(int count)
        => WriteContainerHeader(count, MessagePackCode.MinFixArray, MessagePackCode.Array16, MessagePackCode.Array32);

    /// <summary>Writes a map header (fixmap, map 16/32); <paramref name="count"/> key–value pairs follow.</summary>
    /// <param name="count">The number of entries (pairs).</param>
    public void WriteMapHeader(int count)
        => WriteContainerHeader(count, MessagePackCode.MinFixMap, MessagePackCode.Map16, MessagePackCode.Map32);

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

    /// <summary>Copies bytes that are already MessagePack (one or more whole values) to the output as they are.</summary>
    /// <param name="encoded">The encoded bytes.</param>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        var span = GetSpan(encoded.Length);
        if (span.Length < encoded.Length)
        {
            return;
        }

        encoded.CopyTo(span);
        _buffered += encoded.Length;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteCode(byte code)
    {
        var span = GetSpan(1);
        if (span.Length < 1)
        {
            return;
        }

        span[0] = code;
        _buffered++;
    }

    /// <summary>Room for <paramref name="size"/> bytes, or an empty span once overflowed (span mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> GetSpan(int size)
    {
        var free = _span[_buffered..];
        return free.Length >= size && !_overflowed ? free : GetSpanSlow(size);
    }

    private Span<byte> GetSpanSlow(int size)
    {
        if (_overflowed || _output is null)
        {
            _overflowed = true;
            return default;
        }

        if (_buffered > 0)
        {
            _output.Advance(_buffered);
            _committed += _buffered;
            _buffered = 0;
        }

        _span = _output.GetSpan(size);
        if (_span.Length < size)
        {
            ThrowHelper.ThrowBufferWriterTooSmall(size, _span.Length);
        }

        return _span;
    }
}
