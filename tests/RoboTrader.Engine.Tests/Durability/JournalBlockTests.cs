using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Engine.Tests.Durability;

public sealed class JournalBlockTests
{
    private static byte[] Block(int records)
    {
        var buffer = new byte[records * 128];
        var length = 0;
        for (var i = 0; i < records; i++)
        {
            var frame = System.Text.Encoding.ASCII.GetBytes($"{34_200_000 + i},{1_394_000 + (i % 7)},100,P,0,0");
            length += JournalRecordCodec.Encode(1000 + i, i % 3, 5_000_000_000L + i, frame, buffer.AsSpan(length));
        }

        return buffer[..length];
    }

    private readonly record struct Collected(List<(long Sequence, int Source, long Receive, string Frame)> Records) : JournalBlock.IRecordVisitor
    {
        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded)
            => Records.Add((sequence, source, receiveNanos, System.Text.Encoding.ASCII.GetString(frame)));
    }

    private static List<(long Sequence, int Source, long Receive, string Frame)> Read(byte[] entry)
    {
        var scratch = Array.Empty<byte>();
        var visitor = new Collected([]);
        JournalBlock.ForEachRecord(JournalBlock.Records(entry, ref scratch, 64), 64, ref visitor);
        return visitor.Records;
    }

    [Fact]
    public void Compress_MarketDataRows_IsSmallerAndReadsBackTheSameRecords()
    {
        var plain = Block(1000);
        var compressed = new byte[plain.Length];

        var length = JournalBlock.Compress(plain, compressed);

        Assert.InRange(length, 1, plain.Length / 3); // rows of ticks repeat a lot
        Assert.Equal(JournalBlock.CompressedMarker, compressed[0]);
        Assert.Equal(Read(plain), Read(compressed[..length]));
        var records = Read(plain);
        Assert.Equal(1000, records.Count);
        Assert.Equal((1999L, 0, 5_000_000_999L, "34200999,1394005,100,P,0,0"), records[^1]);
    }

    [Fact]
    public void Compress_WhenItDoesNotPay_ReturnsMinusOne()
    {
        var random = new byte[200];
        new Random(3).NextBytes(random);

        Assert.Equal(-1, JournalBlock.Compress(random, new byte[400]));
    }

    [Fact]
    public void Records_DamagedCompressedBlock_IsAPersistenceCorruptError()
    {
        var plain = Block(200);
        var compressed = new byte[plain.Length];
        var length = JournalBlock.Compress(plain, compressed);
        compressed[length / 2] ^= 0x5A;
        var scratch = Array.Empty<byte>();

        var e = Assert.Throws<EngineException>(() => JournalBlock.Records(compressed.AsSpan(0, length), ref scratch, 4096).Length);

        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
        Assert.Contains("address 4096", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEachRecord_BytesThatAreNotARecord_IsAPersistenceCorruptError()
    {
        var block = Block(3);
        block[^5] = 0xC1; // inside the last record
        var e = Assert.Throws<EngineException>(() => Read(block[..^2]));

        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
    }
}
