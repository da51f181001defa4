using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// The input journal's record: a MessagePack map <c>{"seq": int, "src": int, "recv": int, "raw": bin}</c> — the ring
/// sequence, the source id, the receive stamp (monotonic nanoseconds, for latency analysis only) and the frame's exact
/// bytes. Any MessagePack library can read it.
/// </summary>
public static class JournalRecordCodec
{
    /// <summary>Bytes of a record's fields besides the frame: enough for the map and every header at its largest.</summary>
    public const int Overhead = 64;

    /// <summary>Encodes a record into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Encode(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        var writer = new MessagePackWriter(destination);
        writer.WriteMapHeader(4);
        writer.WriteString("seq"u8);
        writer.WriteInt64(sequence);
        writer.WriteString("src"u8);
        writer.WriteInt32(source);
        writer.WriteString("recv"u8);
        writer.WriteInt64(receiveNanos);
        writer.WriteString("raw"u8);
        writer.WriteBinary(frame);
        return writer.HasOverflowed ? -1 : (int)writer.BytesWritten;
    }

    /// <summary>The length <see cref="Encode"/> gives the same record (MessagePack's smallest encodings, computed).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int EncodedLength(long sequence, int source, long receiveNanos, int frameLength)
        => 18 + IntegerLength(sequence) + IntegerLength(source) + IntegerLength(receiveNanos) + frameLength
            + (frameLength <= byte.MaxValue ? 2 : frameLength <= ushort.MaxValue ? 3 : 5); // 18: map header and the four keys

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int IntegerLength(long value) => value switch
    {
        >= -32 and <= 127 => 1,
        >= sbyte.MinValue and <= byte.MaxValue => 2,
        >= short.MinValue and <= ushort.MaxValue => 3,
        >= int.MinValue and <= uint.MaxValue => 5,
        _ => 9,
    };

    /// <summary>Decodes one record from the start of <paramref name="record"/> (keys in any order); false when it is not a journal record.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> record, out long sequence, out int source, out long receiveNanos, out ReadOnlySpan<byte> frame, out int consumed)
    {
        sequence = -1;
        source = -1;
        receiveNanos = 0;
        frame = default;
        consumed = 0;
        var reader = new MessagePackReader(record);
        if (!reader.TryReadMapHeader(out var count))
        {
            return false;
        }

        var seen = 0;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadStringSpan(out var key))
            {
                return false;
            }

            if (key.SequenceEqual("seq"u8) && reader.TryReadInt64(out sequence))
            {
                seen |= 1;
            }
            else if (key.SequenceEqual("src"u8) && reader.TryReadInt32(out source))
            {
                seen |= 2;
            }
            else if (key.SequenceEqual("recv"u8) && reader.TryReadInt64(out receiveNanos))
            {
                seen |= 4;
            }
            else if (key.SequenceEqual("raw"u8) && reader.TryReadBinary(out frame))
            {
                seen |= 8;
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }

        consumed = (int)reader.Consumed;
        return seen == 15;
    }
}
