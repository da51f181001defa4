using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The reader's structural side: value headers, skipping whole values.</summary>
public ref partial struct MessagePackReader
{
    /// <summary>
    /// Skips one whole value, containers with everything in them, without recursion: nesting deeper than the
    /// maximum depth is <see cref="MessagePackError.DepthExceeded"/>.
    /// </summary>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TrySkip()
    {
        var start = _position;
        var error = SkipCore();
        if (error != MessagePackError.None)
        {
            _position = start;
            return Fail(error);
        }

        return Succeed();
    }

    /// <summary>Reads one whole value as its encoded bytes (as <see cref="TrySkip"/>, returning what it skipped).</summary>
    /// <param name="encoded">The value's bytes, a slice of the input; empty on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadRaw(out ReadOnlySpan<byte> encoded)
    {
        var start = _position;
        if (!TrySkip())
        {
            encoded = default;
            return false;
        }

        encoded = _buffer[start.._position];
        return true;
    }

    private MessagePackError SkipCore()
    {
        // The values still to skip at each open container level; counts are bounded by the bytes that remain, so
        // the sums cannot overflow and every iteration consumes at least one byte or closes a level.
        Span<long> pendingAtLevel = stackalloc long[_maxDepth];
        var depth = 0;
        long pending = 1;
        while (true)
        {
            while (pending == 0)
            {
                if (depth == 0)
                {
                    return MessagePackError.None;
                }

                pending = pendingAtLevel[--depth];
            }

            var error = PeekHeader(out var header);
            if (error != MessagePackError.None)
            {
                return error;
            }

            pending--;
            var remainingAfterHeader = _buffer.Length - _position - header.Size;
            if (header.Type is MessagePackType.Array or MessagePackType.Map)
            {
                var items = header.Type == MessagePackType.Map ? header.Length * 2 : header.Length;
                if (items > remainingAfterHeader)
                {
                    return MessagePackError.Truncated;
                }

                if (depth >= _maxDepth)
                {
                    return MessagePackError.DepthExceeded;
                }

                _position += header.Size;
                if (items > 0)
                {
                    pendingAtLevel[depth++] = pending;
                    pending = items;
                }
            }
            else
            {
                if (header.Length > remainingAfterHeader)
                {
                    return MessagePackError.Truncated;
                }

                _position += header.Size + (int)header.Length;
            }
        }
    }

    /// <summary>
    /// Decodes the header of the next value without consuming it: its family, the header's size and the payload
    /// length (bytes for scalars, strings, binary and extensions; the element or pair count for arrays and maps).
    /// Checks that the header's own bytes are present, not the payload.
    /// </summary>
    private readonly MessagePackError PeekHeader(out Header header)
    {
        header = default;
        var available = _buffer.Length - _position;
        if (available <= 0)
        {
            return MessagePackError.Truncated;
        }

        var code = _buffer[_position];
        switch (code)
        {
            case <= MessagePackCode.MaxPositiveFixInt:
            case >= MessagePackCode.MinNegativeFixInt:
                return OneByteHeader(MessagePackType.Integer, 0, out header);
            case <= MessagePackCode.MaxFixMap:
                return OneByteHeader(MessagePackType.Map, code & 0x0f, out header);
            case <= MessagePackCode.MaxFixArray:
                return OneByteHeader(MessagePackType.Array, code & 0x0f, out header);
            case <= MessagePackCode.MaxFixStr:
                return OneByteHeader(MessagePackType.String, code & 0x1f, out header);
            case MessagePackCode.Nil:
                return OneByteHeader(MessagePackType.Nil, 0, out header);
            case MessagePackCode.NeverUsed:
                return MessagePackError.ReservedByte;
            case MessagePackCode.False or MessagePackCode.True:
                return OneByteHeader(MessagePackType.Boolean, 0, out header);
            case MessagePackCode.Bin8:
                return LengthHeader(MessagePackType.Binary, 1, out header);
            case MessagePackCode.Bin16:
                return LengthHeader(MessagePackType.Binary, 2, out header);
            case MessagePackCode.Bin32:
                return LengthHeader(MessagePackType.Binary, 4, out header);
            case MessagePackCode.Ext8:
                return LengthHeader(MessagePackType.Extension, 1, out header);
            case MessagePackCode.Ext16:
                return LengthHeader(MessagePackType.Extension, 2, out header);
            case MessagePackCode.Ext32:
                return LengthHeader(MessagePackType.Extension, 4, out header);
            case MessagePackCode.Float32:
                return OneByteHeader(MessagePackType.Float, 4, out header);
            case MessagePackCode.Float64:
                return OneByteHeader(MessagePackType.Float, 8, out header);
            case MessagePackCode.UInt8 or MessagePackCode.Int8:
                return OneByteHeader(MessagePackType.Integer, 1, out header);
            case MessagePackCode.UInt16 or MessagePackCode.Int16:
                return OneByteHeader(MessagePackType.Integer, 2, out header);
            case MessagePackCode.UInt32 or MessagePackCode.Int32:
                return OneByteHeader(MessagePackType.Integer, 4, out header);
            case MessagePackCode.UInt64 or MessagePackCode.Int64:
                return OneByteHeader(MessagePackType.Integer, 8, out header);
            case >= MessagePackCode.FixExt1 and <= MessagePackCode.FixExt16:
                if (available < 2)
                {
                    return MessagePackError.Truncated;
                }

                header = new Header(MessagePackType.Extension, 2, 1 << (code - MessagePackCode.FixExt1), unchecked((sbyte)_buffer[_position + 1]));
                return MessagePackError.None;
            case MessagePackCode.Str8:
                return LengthHeader(MessagePackType.String, 1, out header);
            case MessagePackCode.Str16:
                return LengthHeader(MessagePackType.String, 2, out header);
            case MessagePackCode.Str32:
                return LengthHeader(MessagePackType.String, 4, out header);
            case MessagePackCode.Array16:
                return LengthHeader(MessagePackType.Array, 2, out header);
            case MessagePackCode.Array32:
                return LengthHeader(MessagePackType.Array, 4, out header);
            case MessagePackCode.Map16:
                return LengthHeader(MessagePackType.Map, 2, out header);
            default:
                return LengthHeader(MessagePackType.Map, 4, out header);
        }
    }

    /// <summary>
    /// Consumes the next value when it is of the <paramref name="expected"/> family with a byte payload (a string,
    /// binary data or an extension) and the whole payload is present; otherwise consumes nothing and sets the out
    /// values to default. Leaves <see cref="Error"/> to the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MessagePackError ReadPayload(MessagePackType expected, out sbyte extensionType, out ReadOnlySpan<byte> payload)
    {
        extensionType = 0;
        payload = default;
        var error = PeekHeader(out var header);
        if (error != MessagePackError.None)
        {
            return error;
        }

        if (header.Type != expected)
        {
            return MessagePackError.UnexpectedType;
        }

        if (header.Length > _buffer.Length - _position - header.Size)
        {
            return MessagePackError.Truncated;
        }

        extensionType = header.ExtensionType;
        payload = _buffer.Slice(_position + header.Size, (int)header.Length);
        _position += header.Size + (int)header.Length;
        return MessagePackError.None;
    }

    /// <summary>A header that is one code byte, the payload length (or count) given by the code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static MessagePackError OneByteHeader(MessagePackType type, long length, out Header header)
    {
        header = new Header(type, 1, length, 0);
        return MessagePackError.None;
    }

    /// <summary>A header of a code byte, a big-endian length of <paramref name="width"/> bytes and, for extensions, the type byte.</summary>
    private readonly MessagePackError LengthHeader(MessagePackType type, int width, out Header header)
    {
        header = default;
        var size = type == MessagePackType.Extension ? 2 + width : 1 + width;
        if (_buffer.Length - _position < size)
        {
            return MessagePackError.Truncated;
        }

        var lengthBytes = _buffer.Slice(_position + 1, width);
        long length = width switch
        {
            1 => lengthBytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(lengthBytes),
            _ => BinaryPrimitives.ReadUInt32BigEndian(lengthBytes),
        };
        var extensionType = type == MessagePackType.Extension ? unchecked((sbyte)_buffer[_position + size - 1]) : (sbyte)0;
        header = new Header(type, size, length, extensionType);
        return MessagePackError.None;
    }

    /// <summary>A decoded value header (see <see cref="PeekHeader"/>).</summary>
    private readonly record struct Header(MessagePackType Type, int Size, long Length, sbyte ExtensionType);
}
