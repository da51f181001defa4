using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace RoboTrader.Engine.MessagePack;

/// <summary>
/// Reads MessagePack from a <see cref="ReadOnlySpan{T}"/> without allocating (except <see cref="TryReadString"/>).
/// </summary>
/// <remarks>
/// <para>
/// Error design: every read is <c>bool TryReadX(out T value)</c>. On success it consumes the value and sets
/// <see cref="Error"/> to <see cref="MessagePackError.None"/>; on failure it consumes nothing, sets the out values to
/// default and <see cref="Error"/> to the reason (<see cref="MessagePackErrorExtensions.Describe"/> gives a message).
/// No input, however malformed or truncated, makes the reader read out of range or throw: bounds are checked before
/// every access, and lengths and counts are checked against the bytes that remain (a container that claims more
/// items than bytes remain is <see cref="MessagePackError.Truncated"/>, so a caller may size by a count it was given).
/// </para>
/// <para>
/// Integers: <see cref="TryReadInt64"/> and friends accept every integer format whose value fits the type asked for
/// (else <see cref="MessagePackError.Overflow"/>); they do not accept floats. <see cref="TryReadDouble"/> accepts
/// float 32, float 64 and any integer (exact up to 2^53 in magnitude, rounded to nearest beyond);
/// <see cref="TryReadSingle"/> accepts float 32 only. <see cref="TryReadStringSpan"/> returns the raw UTF-8 bytes
/// (not validated, for the hot path); <see cref="TryReadString"/> validates them and allocates a string.
/// </para>
/// <para>The depth limit applies to <see cref="TrySkip"/> and <see cref="TryReadRaw"/>, which never recurse. A
/// ref struct: one reader per thread, on the stack.</para>
/// </remarks>
public ref partial struct MessagePackReader
{
    /// <summary>The default maximum nesting of containers for <see cref="TrySkip"/>.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The largest maximum depth a reader accepts.</summary>
    public const int MaxSupportedDepth = 256;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _maxDepth;
    private int _position;
    private MessagePackError _error;

    /// <summary>Creates a reader with <see cref="DefaultMaxDepth"/>.</summary>
    /// <param name="buffer">The encoded bytes.</param>
    public MessagePackReader(ReadOnlySpan<byte> buffer)
        : this(buffer, DefaultMaxDepth)
    {
    }

    /// <summary>Creates a reader.</summary>
    /// <param name="buffer">The encoded bytes.</param>
    /// <param name="maxDepth">The deepest nesting of containers <see cref="TrySkip"/> accepts, 1 to <see cref="MaxSupportedDepth"/>.</param>
    public MessagePackReader(ReadOnlySpan<byte> buffer, int maxDepth)
    {
        if (maxDepth is < 1 or > MaxSupportedDepth)
        {
            ThrowHelper.ThrowMaxDepthOutOfRange(maxDepth);
        }

        _buffer = buffer;
        _maxDepth = maxDepth;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Consumed => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool End => _position >= _buffer.Length;

    /// <summary>The bytes not yet consumed.</summary>
    public readonly ReadOnlySpan<byte> UnreadSpan => _buffer[_position..];

    /// <summary>The outcome of the last <c>TryRead…</c>/<see cref="TrySkip"/> call.</summary>
    public readonly MessagePackError Error => _error;

    /// <summary>The type family of the next value, without consuming it; <see cref="MessagePackType.None"/> at the end.</summary>
    public readonly MessagePackType PeekType()
    {
        if (_position >= _buffer.Length)
        {
            return MessagePackType.None;
        }

        var code = _buffer[_position];
        return code switch
        {
            <= MessagePackCode.MaxPositiveFixInt => MessagePackType.Integer,
            <= MessagePackCode.MaxFixMap => MessagePackType.Map,
            <= MessagePackCode.MaxFixArray => MessagePackType.Array,
            <= MessagePackCode.MaxFixStr => MessagePackType.String,
            MessagePackCode.Nil => MessagePackType.Nil,
            MessagePackCode.NeverUsed => MessagePackType.Invalid,
            MessagePackCode.False or MessagePackCode.True => MessagePackType.Boolean,
            >= MessagePackCode.Bin8 and <= MessagePackCode.Bin32 => MessagePackType.Binary,
            >= MessagePackCode.Ext8 and <= MessagePackCode.Ext32 => MessagePackType.Extension,
            MessagePackCode.Float32 or MessagePackCode.Float64 => MessagePackType.Float,
            >= MessagePackCode.UInt8 and <= MessagePackCode.Int64 => MessagePackType.Integer,
            >= MessagePackCode.FixExt1 and <= MessagePackCode.FixExt16 => MessagePackType.Extension,
            >= MessagePackCode.Str8 and <= MessagePackCode.Str32 => MessagePackType.String,
            MessagePackCode.Array16 or MessagePackCode.Array32 => MessagePackType.Array,
            MessagePackCode.Map16 or MessagePackCode.Map32 => MessagePackType.Map,
            _ => MessagePackType.Integer,
        };
    }

    /// <summary>Consumes a nil.</summary>
    /// <returns>True when the next value was nil; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadNil()
    {
        if (_position >= _buffer.Length)
        {
            return Fail(MessagePackError.Truncated);
        }

        if (_buffer[_position] != MessagePackCode.Nil)
        {
            return Fail(TypeError(_buffer[_position]));
        }

        _position++;
        return Succeed();
    }

    /// <summary>Reads false or true.</summary>
    /// <param name="value">The value, or false on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadBoolean(out bool value)
    {
        value = false;
        if (_position >= _buffer.Length)
        {
            return Fail(MessagePackError.Truncated);
        }

        var code = _buffer[_position];
        if (code is not (MessagePackCode.False or MessagePackCode.True))
        {
            return Fail(TypeError(code));
        }

        value = code == MessagePackCode.True;
        _position++;
        return Succeed();
    }

    /// <summary>Reads an integer in any format whose value fits a <see cref="long"/>.</summary>
    /// <param name="value">The value, or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadInt64(out long value)
    {
        value = 0;
        var error = DecodeInteger(out var signed, out var unsigned, out var isUnsigned, out var size);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        if (isUnsigned)
        {
            if (unsigned > long.MaxValue)
            {
                return Fail(MessagePackError.Overflow);
            }

            signed = (long)unsigned;
        }

        value = signed;
        _position += size;
        return Succeed();
    }

    /// <summary>Reads an integer in any format whose value fits a <see cref="ulong"/> (negative values overflow).</summary>
    /// <param name="value">The value, or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadUInt64(out ulong value)
    {
        value = 0;
        var error = DecodeInteger(out var signed, out var unsigned, out var isUnsigned, out var size);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        if (!isUnsigned)
        {
            if (signed < 0)
            {
                return Fail(MessagePackError.Overflow);
            }

            unsigned = (ulong)signed;
        }

        value = unsigned;
        _position += size;
        return Succeed();
    }

    /// <summary>Reads an integer in any format whose value fits an <see cref="int"/>.</summary>
    /// <param name="value">The value, or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadInt32(out int value)
    {
        value = 0;
        var start = _position;
        if (!TryReadInt64(out var wide))
        {
            return false;
        }

        if (wide is < int.MinValue or > int.MaxValue)
        {
            _position = start;
            return Fail(MessagePackError.Overflow);
        }

        value = (int)wide;
        return true;
    }

    /// <summary>Reads an integer in any format whose value fits a <see cref="uint"/>.</summary>
    /// <param name="value">The value, or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadUInt32(out uint value)
    {
        value = 0;
        var start = _position;
        if (!TryReadUInt64(out var wide))
        {
            return false;
        }

        if (wide > uint.MaxValue)
        {
            _position = start;
            return Fail(MessagePackError.Overflow);
        }

        value = (uint)wide;
        return true;
    }

    /// <summary>Reads a float 64, a float 32 (widened exactly) or any integer (converted, rounded beyond 2^53).</summary>
    /// <param name="value">The value, or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadDouble(out double value)
    {
        value = 0;
        if (_position >= _buffer.Length)
        {
            return Fail(MessagePackError.Truncated);
        }

        var code = _buffer[_position];
        if (code == MessagePackCode.Float64)
        {
            if (_buffer.Length - _position < 9)
            {
                return Fail(MessagePackError.Truncated);
            }

            value = BinaryPrimitives.ReadDoubleBigEndian(_buffer.Slice(_position + 1, 8));
            _position += 9;
            return Succeed();
        }

        if (code == MessagePackCode.Float32)
        {
            if (_buffer.Length - _position < 5)
            {
                return Fail(MessagePackError.Truncated);
            }

            value = BinaryPrimitives.ReadSingleBigEndian(_buffer.Slice(_position + 1, 4));
            _position += 5;
            return Succeed();
        }

        var error = DecodeInteger(out var signed, out var unsigned, out var isUnsigned, out var size);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        value = isUnsigned ? unsigned : signed;
        _position += size;
        return Succeed();
    }

    /// <summary>Reads a float 32 (only: no other format converts to <see cref="float"/> without loss).</summary>
    /// <param name="value">The value, or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadSingle(out float value)
    {
        value = 0;
        if (_position >= _buffer.Length)
        {
            return Fail(MessagePackError.Truncated);
        }

        var code = _buffer[_position];
        if (code != MessagePackCode.Float32)
        {
            return Fail(TypeError(code));
        }

        if (_buffer.Length - _position < 5)
        {
            return Fail(MessagePackError.Truncated);
        }

        value = BinaryPrimitives.ReadSingleBigEndian(_buffer.Slice(_position + 1, 4));
        _position += 5;
        return Succeed();
    }

    /// <summary>Reads a string's UTF-8 bytes (fixstr, str 8/16/32) without copying or validating them.</summary>
    /// <param name="utf8">The bytes, a slice of the input; empty on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadStringSpan(out ReadOnlySpan<byte> utf8)
    {
        // Fast path: a fixstr (short keys and symbols, the common case) wholly present.
        if (_position < _buffer.Length && (_buffer[_position] & 0xe0) == MessagePackCode.MinFixStr)
        {
            var fixLength = _buffer[_position] & 0x1f;
            if (fixLength < _buffer.Length - _position)
            {
                utf8 = _buffer.Slice(_position + 1, fixLength);
                _position += 1 + fixLength;
                return Succeed();
            }
        }

        utf8 = default;
        var error = PeekHeader(out var header);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        if (header.Type != MessagePackType.String)
        {
            return Fail(MessagePackError.UnexpectedType);
        }

        if (header.Length > _buffer.Length - _position - header.Size)
        {
            return Fail(MessagePackError.Truncated);
        }

        utf8 = _buffer.Slice(_position + header.Size, (int)header.Length);
        _position += header.Size + (int)header.Length;
        return Succeed();
    }

    /// <summary>Reads a string, checks it is valid UTF-8 and decodes it (allocates: not for the hot path).</summary>
    /// <param name="value">The string, or null on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadString([NotNullWhen(true)] out string? value)
    {
        value = null;
        var start = _position;
        if (!TryReadStringSpan(out var utf8))
        {
            return false;
        }

        if (!Utf8.IsValid(utf8))
        {
            _position = start;
            return Fail(MessagePackError.InvalidUtf8);
        }

        value = Encoding.UTF8.GetString(utf8);
        return true;
    }

    /// <summary>Reads binary data (bin 8/16/32) without copying it.</summary>
    /// <param name="value">The bytes, a slice of the input; empty on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadBinary(out ReadOnlySpan<byte> value)
    {
        value = default;
        var error = PeekHeader(out var header);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        if (header.Type != MessagePackType.Binary)
        {
            return Fail(MessagePackError.UnexpectedType);
        }

        if (header.Length > _buffer.Length - _position - header.Size)
        {
            return Fail(MessagePackError.Truncated);
        }

        value = _buffer.Slice(_position + header.Size, (int)header.Length);
        _position += header.Size + (int)header.Length;
        return Succeed();
    }

    /// <summary>Reads an array header; the elements follow.</summary>
    /// <param name="count">The number of elements (at most the bytes remaining), or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadArrayHeader(out int count) => TryReadContainerHeader(MessagePackType.Array, out count);

    /// <summary>Reads a map header; the key–value pairs follow.</summary>
    /// <param name="count">The number of pairs (at most half the bytes remaining), or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadMapHeader(out int count) => TryReadContainerHeader(MessagePackType.Map, out count);

    /// <summary>Reads an extension (fixext 1–16, ext 8/16/32), including a timestamp, without copying its data.</summary>
    /// <param name="type">The extension type, or 0 on failure.</param>
    /// <param name="data">The data, a slice of the input; empty on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadExtension(out sbyte type, out ReadOnlySpan<byte> data)
    {
        type = 0;
        data = default;
        var error = PeekHeader(out var header);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        if (header.Type != MessagePackType.Extension)
        {
            return Fail(MessagePackError.UnexpectedType);
        }

        if (header.Length > _buffer.Length - _position - header.Size)
        {
            return Fail(MessagePackError.Truncated);
        }

        type = header.ExtensionType;
        data = _buffer.Slice(_position + header.Size, (int)header.Length);
        _position += header.Size + (int)header.Length;
        return Succeed();
    }

    /// <summary>Reads a timestamp (extension −1 with 4, 8 or 12 bytes of data).</summary>
    /// <param name="value">The timestamp, or default on failure.</param>
    /// <returns>
    /// True on success; otherwise false (nothing consumed, see <see cref="Error"/>): another extension type is
    /// <see cref="MessagePackError.UnexpectedType"/>, a bad length or nanoseconds value <see cref="MessagePackError.InvalidTimestamp"/>.
    /// </returns>
    public bool TryReadTimestamp(out MessagePackTimestamp value)
    {
        value = default;
        var start = _position;
        if (!TryReadExtension(out var type, out var data))
        {
            return false;
        }

        if (type != MessagePackTimestamp.ExtensionType)
        {
            _position = start;
            return Fail(MessagePackError.UnexpectedType);
        }

        switch (data.Length)
        {
            case 4:
                value = new MessagePackTimestamp(BinaryPrimitives.ReadUInt32BigEndian(data), 0);
                return true;
            case 8:
                var data64 = BinaryPrimitives.ReadUInt64BigEndian(data);
                var nanoseconds64 = (uint)(data64 >> 34);
                if (nanoseconds64 <= MessagePackTimestamp.MaxNanoseconds)
                {
                    value = new MessagePackTimestamp((long)(data64 & 0x3_ffff_ffffUL), nanoseconds64);
                    return true;
                }

                break;
            case 12:
                var nanoseconds96 = BinaryPrimitives.ReadUInt32BigEndian(data);
                if (nanoseconds96 <= MessagePackTimestamp.MaxNanoseconds)
                {
                    value = new MessagePackTimestamp(BinaryPrimitives.ReadInt64BigEndian(data[4..]), nanoseconds96);
                    return true;
                }

                break;
        }

        _position = start;
        return Fail(MessagePackError.InvalidTimestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Succeed()
    {
        _error = MessagePackError.None;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fail(MessagePackError error)
    {
        _error = error;
        return false;
    }

    private static MessagePackError TypeError(byte code)
        => code == MessagePackCode.NeverUsed ? MessagePackError.ReservedByte : MessagePackError.UnexpectedType;

    private bool TryReadContainerHeader(MessagePackType expected, out int count)
    {
        // Fast path: a fixmap/fixarray whose items can all be present (each takes at least one byte).
        if (_position < _buffer.Length)
        {
            var code = _buffer[_position];
            var fixCode = expected == MessagePackType.Map ? MessagePackCode.MinFixMap : MessagePackCode.MinFixArray;
            if ((code & 0xf0) == fixCode)
            {
                var fixCount = code & 0x0f;
                if ((expected == MessagePackType.Map ? fixCount * 2 : fixCount) < _buffer.Length - _position)
                {
                    count = fixCount;
                    _position++;
                    return Succeed();
                }
            }
        }

        count = 0;
        var error = PeekHeader(out var header);
        if (error != MessagePackError.None)
        {
            return Fail(error);
        }

        if (header.Type != expected)
        {
            return Fail(MessagePackError.UnexpectedType);
        }

        // Every element takes at least one byte: a count beyond what remains cannot be satisfied.
        var minimumBytes = expected == MessagePackType.Map ? header.Length * 2 : header.Length;
        if (minimumBytes > _buffer.Length - _position - header.Size)
        {
            return Fail(MessagePackError.Truncated);
        }

        count = (int)header.Length;
        _position += header.Size;
        return Succeed();
    }

    /// <summary>Decodes the integer at the position without consuming it.</summary>
    private readonly MessagePackError DecodeInteger(out long signed, out ulong unsigned, out bool isUnsigned, out int size)
    {
        signed = 0;
        unsigned = 0;
        isUnsigned = false;
        size = 0;
        var available = _buffer.Length - _position;
        if (available <= 0)
        {
            return MessagePackError.Truncated;
        }

        var code = _buffer[_position];
        if (code <= MessagePackCode.MaxPositiveFixInt || code >= MessagePackCode.MinNegativeFixInt)
        {
            signed = unchecked((sbyte)code);
            size = 1;
            return MessagePackError.None;
        }

        var width = code switch
        {
            MessagePackCode.UInt8 or MessagePackCode.Int8 => 1,
            MessagePackCode.UInt16 or MessagePackCode.Int16 => 2,
            MessagePackCode.UInt32 or MessagePackCode.Int32 => 4,
            MessagePackCode.UInt64 or MessagePackCode.Int64 => 8,
            _ => 0,
        };
        if (width == 0)
        {
            return TypeError(code);
        }

        if (available < 1 + width)
        {
            return MessagePackError.Truncated;
        }

        var payload = _buffer.Slice(_position + 1, width);
        size = 1 + width;
        switch (code)
        {
            case MessagePackCode.UInt8:
                unsigned = payload[0];
                isUnsigned = true;
                break;
            case MessagePackCode.UInt16:
                unsigned = BinaryPrimitives.ReadUInt16BigEndian(payload);
                isUnsigned = true;
                break;
            case MessagePackCode.UInt32:
                unsigned = BinaryPrimitives.ReadUInt32BigEndian(payload);
                isUnsigned = true;
                break;
            case MessagePackCode.UInt64:
                unsigned = BinaryPrimitives.ReadUInt64BigEndian(payload);
                isUnsigned = true;
                break;
            case MessagePackCode.Int8:
                signed = unchecked((sbyte)payload[0]);
                break;
            case MessagePackCode.Int16:
                signed = BinaryPrimitives.ReadInt16BigEndian(payload);
                break;
            case MessagePackCode.Int32:
                signed = BinaryPrimitives.ReadInt32BigEndian(payload);
                break;
            default:
                signed = BinaryPrimitives.ReadInt64BigEndian(payload);
                break;
        }

        return MessagePackError.None;
    }
}
