using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The reader's strings and binary data.</summary>
public ref partial struct MessagePackReader
{
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

        var error = ReadPayload(MessagePackType.String, out _, out utf8);
        return error == MessagePackError.None ? Succeed() : Fail(error);
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
        var error = ReadPayload(MessagePackType.Binary, out _, out value);
        return error == MessagePackError.None ? Succeed() : Fail(error);
    }
}
