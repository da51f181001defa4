using System.Buffers.Binary;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The reader's scalars: nil, booleans, integers and floats.</summary>
public ref partial struct MessagePackReader
{
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
