using System.Buffers.Binary;

namespace RoboTrader.Engine.MessagePack;

/// <summary>The reader's extensions and timestamps.</summary>
public ref partial struct MessagePackReader
{
    /// <summary>Reads an extension (fixext 1–16, ext 8/16/32), including a timestamp, without copying its data.</summary>
    /// <param name="type">The extension type, or 0 on failure.</param>
    /// <param name="data">The data, a slice of the input; empty on failure.</param>
    /// <returns>True on success; otherwise false (nothing consumed, see <see cref="Error"/>).</returns>
    public bool TryReadExtension(out sbyte type, out ReadOnlySpan<byte> data)
    {
        var error = ReadPayload(MessagePackType.Extension, out type, out data);
        return error == MessagePackError.None ? Succeed() : Fail(error);
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
}
