using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// The MessagePack codec on a journal-like record: a map of six fields (sequence, source id, receive time, 96 raw
/// bytes, a symbol, a timestamp) written into a reused span and read back field by field, as the persist stage would.
/// </summary>
[MemoryDiagnoser]
public class MessagePackJournalBenchmarks
{
    private readonly byte[] _buffer = new byte[512];
    private readonly byte[] _raw = new byte[96];
    private int _encodedLength;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_raw);
        _encodedLength = Write(1);
    }

    [Benchmark]
    public int WriteRecord() => Write(++_sequence);

    [Benchmark]
    public long ReadRecord() => Read(_encodedLength);

    [Benchmark]
    public long WriteAndReadRecord() => Read(Write(++_sequence));

    private int Write(long sequence)
    {
        var writer = new MessagePackWriter(_buffer);
        writer.WriteMapHeader(6);
        writer.WriteString("seq"u8);
        writer.WriteInt64(sequence);
        writer.WriteString("src"u8);
        writer.WriteInt32(3);
        writer.WriteString("recv"u8);
        writer.WriteInt64(638_000_000_000_000_000L + sequence);
        writer.WriteString("raw"u8);
        writer.WriteBinary(_raw);
        writer.WriteString("sym"u8);
        writer.WriteString("ES Z6");
        writer.WriteString("ts"u8);
        writer.WriteTimestamp(1_790_000_000 + sequence, 123_456_789);
        return writer.HasOverflowed ? -1 : (int)writer.BytesWritten;
    }

    private long Read(int length)
    {
        var reader = new MessagePackReader(_buffer.AsSpan(0, length));
        if (!reader.TryReadMapHeader(out var count))
        {
            return -1;
        }

        long checksum = 0;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadStringSpan(out var key))
            {
                return -1;
            }

            bool ok;
            if (key.SequenceEqual("seq"u8) || key.SequenceEqual("recv"u8))
            {
                ok = reader.TryReadInt64(out var value);
                checksum += value;
            }
            else if (key.SequenceEqual("src"u8))
            {
                ok = reader.TryReadInt32(out var source);
                checksum += source;
            }
            else if (key.SequenceEqual("raw"u8))
            {
                ok = reader.TryReadBinary(out var raw);
                checksum += raw.Length;
            }
            else if (key.SequenceEqual("sym"u8))
            {
                ok = reader.TryReadStringSpan(out var symbol);
                checksum += symbol.Length;
            }
            else if (key.SequenceEqual("ts"u8))
            {
                ok = reader.TryReadTimestamp(out var timestamp);
                checksum += timestamp.Seconds + timestamp.Nanoseconds;
            }
            else
            {
                ok = reader.TrySkip();
            }

            if (!ok)
            {
                return -1;
            }
        }

        return checksum;
    }
}
