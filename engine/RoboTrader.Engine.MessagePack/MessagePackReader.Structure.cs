using System.Buffers.Binary;

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
                header = new Header(MessagePackType.Integer, 1, 0, 0);
                return MessagePackError.None;
            case <= MessagePackCode.MaxFixMap:
                header = new Header(MessagePackType.Map, 1, code & 0x0f, 0);
                return MessagePackError.None;
            case <= MessagePackCode.MaxFixArray:
                header = new Header(MessagePackType.Array, 1, code & 0x0f, 0);
                return MessagePackError.None;
            case <= MessagePackCode.MaxFixStr:
                header = new Header(MessagePackType.String, 1, code & 0x1f, 0);
                return MessagePackError.None;
            case MessagePackCode.Nil:
                header = new Header(MessagePackType.Nil, 1, 0, 0);
                return MessagePackError.None;
            case MessagePackCode.NeverUsed:
                return MessagePackError.ReservedByte;
            case MessagePackCode.False or MessagePackCode.True:
                header = new Header(MessagePackType.Boolean, 1, 0, 0);
                return MessagePackError.None;
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
                header = new Header(MessagePackType.Float, 1, 4, 0);
                return MessagePackError.None;
            case MessagePackCode.Float64:
                header = new Header(MessagePackType.Float, 1, 8, 0);
                return MessagePackError.None;
            case MessagePackCode.UInt8 or MessagePackCode.Int8:
                header = new Header(MessagePackType.Integer, 1, 1, 0);
                return MessagePackError.None;
            case MessagePackCode.UInt16 or MessagePackCode.Int16:
                header = new Header(MessagePackType.Integer, 1, 2, 0);
                return MessagePackError.None;
            case MessagePackCode.UInt32 or MessagePackCode.Int32:
                header = new Header(MessagePackType.Integer, 1, 4, 0);
                return MessagePackError.None;
            case MessagePackCode.UInt64 or MessagePackCode.Int64:
                header = new Header(MessagePackType.Integer, 1, 8, 0);
                return MessagePackError.None;
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
