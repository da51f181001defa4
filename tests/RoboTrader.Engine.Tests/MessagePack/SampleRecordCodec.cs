using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>Writes and reads <see cref="JournalRecord"/> as a MessagePack map of six named fields (keys are UTF-8 literals).</summary>
internal static class SampleRecordCodec
{
    public static void Write(ref MessagePackWriter writer, long sequence, int sourceId, long receiveTicks, ReadOnlySpan<byte> raw, ReadOnlySpan<char> symbol, MessagePackTimestamp eventTime)
    {
        writer.WriteMapHeader(6);
        writer.WriteString("seq"u8);
        writer.WriteInt64(sequence);
        writer.WriteString("src"u8);
        writer.WriteInt32(sourceId);
        writer.WriteString("recv"u8);
        writer.WriteInt64(receiveTicks);
        writer.WriteString("raw"u8);
        writer.WriteBinary(raw);
        writer.WriteString("sym"u8);
        writer.WriteString(symbol);
        writer.WriteString("ts"u8);
        writer.WriteTimestamp(eventTime);
    }

    /// <summary>Reads a record; unknown keys are skipped, so a newer writer's extra fields do not break an older reader.</summary>
    public static bool TryRead(ref MessagePackReader reader, out JournalRecord record)
    {
        record = default;
        if (!reader.TryReadMapHeader(out var count))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadStringSpan(out var key))
            {
                return false;
            }

            var ok = key switch
            {
                _ when key.SequenceEqual("seq"u8) => reader.TryReadInt64(out record.Sequence),
                _ when key.SequenceEqual("src"u8) => reader.TryReadInt32(out record.SourceId),
                _ when key.SequenceEqual("recv"u8) => reader.TryReadInt64(out record.ReceiveTicks),
                _ when key.SequenceEqual("raw"u8) => reader.TryReadBinary(out record.Raw),
                _ when key.SequenceEqual("sym"u8) => reader.TryReadStringSpan(out record.SymbolUtf8),
                _ when key.SequenceEqual("ts"u8) => reader.TryReadTimestamp(out record.EventTime),
                _ => reader.TrySkip(),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
