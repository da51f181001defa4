using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Engine.Tests.Durability;

/// <summary>
/// A damaged delta block never escapes as anything but <see cref="ErrorCode.PersistenceCorrupt"/>: every truncation
/// and every single-byte change either decodes to whole records or is reported, naming the journal address.
/// </summary>
public sealed class JournalDeltaCorruptionTests
{
    private const long Address = 123_456;

    private readonly struct Counter : JournalBlock.IRecordVisitor
    {
        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded)
        {
        }
    }

    /// <summary>Decodes and walks the records; true when it worked, false for a reported corruption; anything else fails the test.</summary>
    private static bool TryRead(ReadOnlySpan<byte> entry, ref byte[] scratch)
    {
        try
        {
            var visitor = default(Counter);
            JournalBlock.ForEachRecord(JournalBlock.Records(entry, ref scratch, Address), Address, ref visitor);
            return true;
        }
        catch (EngineException e)
        {
            Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
            Assert.Contains($"journal entry at address {Address} is unreadable", e.Message, StringComparison.Ordinal);
            return false;
        }
    }

    private static byte[] Block(int seed, int records)
        => DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), new DeltaRecordGenerator(seed).Block(records));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Records_EveryTruncation_ReportedAsCorrupt(int seed)
    {
        var block = Block(seed, 40);
        var scratch = Array.Empty<byte>();
        Assert.True(TryRead(block, ref scratch));

        for (var length = 1; length < block.Length; length++)
        {
            Assert.False(TryRead(block.AsSpan(0, length), ref scratch), $"truncated to {length} of {block.Length}");
        }
    }

    [Theory]
    [InlineData(4, 25)]
    [InlineData(5, 12)]
    public void Records_EverySingleByteChange_DecodesOrReportsCorrupt(int seed, int records)
    {
        var block = Block(seed, records);
        var scratch = Array.Empty<byte>();
        var reported = 0;
        var decoded = 0;
        for (var position = 0; position < block.Length; position++)
        {
            var original = block[position];
            for (var flip = 1; flip < 256; flip++)
            {
                block[position] = (byte)(original ^ flip);
                if (TryRead(block, ref scratch))
                {
                    decoded++;
                }
                else
                {
                    reported++;
                }
            }

            block[position] = original;
        }

        Assert.Equal(block.Length * 255, reported + decoded);
        // Changes inside a frame's literal bytes are valid blocks (FasterLog's entry checksum is what catches those).
        Assert.InRange(reported, block.Length, block.Length * 255);
        Assert.True(TryRead(block, ref scratch));
    }

    [Theory]
    [InlineData("C1 44 00 00 00 00 01 00 00 00 02 00 00 00 00", "decodes to more than its recorded 0 bytes")] // plain length below what the records need
    [InlineData("C1 44 FF FF FF 7F 01 00 00 00 02 00 00 00 00", "claims 1 records")] // a 2 GB claim: refused before any allocation
    [InlineData("C1 44 19 00 00 00 01 00 00 00 00 00 00", "names no source")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 02 01 00 00 00", "source slot 1 of 0")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 03 00 00 00 00 00", "sequence gap is 0")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 82 00 00 00 00", "raw delta record names a reference frame")] // the older-reference bit on a raw frame
    [InlineData("C1 44 19 00 00 00 01 00 00 00 86 00 00 00 00", "repeats field 0 of a frame that has 0")] // the older reference, never written
    [InlineData("C1 44 19 00 00 00 01 00 00 00 06 00 00 00 04", "tags for fields it does not hold")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 06 00 00 00 00", "repeats field 0 of a frame that has 0")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 06 00 00 00 02 00", "number 0 is not canonical")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 06 00 00 00 02 80 80 80 80 80 80 80 80 80 80 01", "cut or too long")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 02 00 00 00 05 41", "frame runs past the block")]
    [InlineData("C1 44 19 00 00 00 01 00 00 00 02 00 00 00 00 00", "with 1 bytes left")]
    public void Records_HandMadeDamage_ReportsWhy(string hex, string why)
    {
        var scratch = Array.Empty<byte>();

        var e = Assert.Throws<EngineException>(() => JournalBlock.Records(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), ref scratch, Address).Length);

        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
