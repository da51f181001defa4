namespace RoboTrader.Engine.MessagePack;

/// <summary>The reader's container headers: arrays and maps.</summary>
public ref partial struct MessagePackReader
{
    /// <summary>Reads an array header; the elements follow.</summary>
    /// <param name="count">The number of elements (at most the bytes remaining), or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadArrayHeader(out int count) => TryReadContainerHeader(MessagePackType.Array, out count);

    /// <summary>Reads a map header; the key–value pairs follow.</summary>
    /// <param name="count">The number of pairs (at most half the bytes remaining), or 0 on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadMapHeader(out int count) => TryReadContainerHeader(MessagePackType.Map, out count);

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
}
