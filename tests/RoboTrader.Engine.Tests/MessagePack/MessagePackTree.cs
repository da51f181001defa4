using System.Numerics;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>
/// A test-side model of any MessagePack value, written and read only through the public writer/reader API:
/// null (nil), bool, <see cref="BigInteger"/> (every integer), float (float 32), double (float 64), string,
/// byte[] (binary), object?[] (array), <see cref="MapValue"/>, <see cref="MessagePackTimestamp"/> and
/// <see cref="ExtensionValue"/>.
/// </summary>
internal static class MessagePackTree
{
    public static byte[] Encode(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(ref MessagePackWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                break;
            case bool b:
                writer.WriteBoolean(b);
                break;
            case BigInteger i when i >= long.MinValue && i <= long.MaxValue:
                writer.WriteInt64((long)i);
                break;
            case BigInteger i:
                writer.WriteUInt64((ulong)i);
                break;
            case float f:
                writer.WriteSingle(f);
                break;
            case double d:
                writer.WriteDouble(d);
                break;
            case string s:
                writer.WriteString(s);
                break;
            case byte[] bytes:
                writer.WriteBinary(bytes);
                break;
            case object?[] items:
                writer.WriteArrayHeader(items.Length);
                foreach (var item in items)
                {
                    Write(ref writer, item);
                }

                break;
            case MapValue map:
                writer.WriteMapHeader(map.Pairs.Length);
                foreach (var pair in map.Pairs)
                {
                    Write(ref writer, pair.Key);
                    Write(ref writer, pair.Value);
                }

                break;
            case MessagePackTimestamp timestamp:
                writer.WriteTimestamp(timestamp);
                break;
            case ExtensionValue extension:
                writer.WriteExtension(extension.Type, extension.Data);
                break;
            default:
                throw new ArgumentException($"not a tree value: {value.GetType()}", nameof(value));
        }
    }

    /// <summary>Reads one value; on failure returns false with the reader's <see cref="MessagePackReader.Error"/> set.</summary>
    public static bool TryRead(ref MessagePackReader reader, out object? value, int depth = 0)
    {
        value = null;
        if (depth > 32)
        {
            return false;
        }

        switch (reader.PeekType())
        {
            case MessagePackType.Nil:
                return reader.TryReadNil();
            case MessagePackType.Boolean:
                if (reader.TryReadBoolean(out var b))
                {
                    value = b;
                    return true;
                }

                return false;
            case MessagePackType.Integer:
                if (reader.TryReadInt64(out var l))
                {
                    value = new BigInteger(l);
                    return true;
                }

                if (reader.TryReadUInt64(out var u))
                {
                    value = new BigInteger(u);
                    return true;
                }

                return false;
            case MessagePackType.Float:
                if (reader.TryReadSingle(out var f))
                {
                    value = f;
                    return true;
                }

                if (reader.TryReadDouble(out var d))
                {
                    value = d;
                    return true;
                }

                return false;
            case MessagePackType.String:
                if (reader.TryReadString(out var s))
                {
                    value = s;
                    return true;
                }

                return false;
            case MessagePackType.Binary:
                if (reader.TryReadBinary(out var bytes))
                {
                    value = bytes.ToArray();
                    return true;
                }

                return false;
            case MessagePackType.Array:
                if (!reader.TryReadArrayHeader(out var count))
                {
                    return false;
                }

                var items = new object?[count];
                for (var i = 0; i < count; i++)
                {
                    if (!TryRead(ref reader, out items[i], depth + 1))
                    {
                        return false;
                    }
                }

                value = items;
                return true;
            case MessagePackType.Map:
                if (!reader.TryReadMapHeader(out var pairCount))
                {
                    return false;
                }

                var pairs = new KeyValuePair<object?, object?>[pairCount];
                for (var i = 0; i < pairCount; i++)
                {
                    if (!TryRead(ref reader, out var key, depth + 1) || !TryRead(ref reader, out var item, depth + 1))
                    {
                        return false;
                    }

                    pairs[i] = new(key, item);
                }

                value = new MapValue(pairs);
                return true;
            case MessagePackType.Extension:
                if (reader.TryReadTimestamp(out var timestamp))
                {
                    value = timestamp;
                    return true;
                }

                if (reader.Error is MessagePackError.Truncated)
                {
                    return false;
                }

                if (reader.TryReadExtension(out var type, out var data))
                {
                    value = new ExtensionValue(type, data.ToArray());
                    return true;
                }

                return false;
            default:
                // End of data or the reserved byte: let a read report it.
                return reader.TryReadNil();
        }
    }
}
