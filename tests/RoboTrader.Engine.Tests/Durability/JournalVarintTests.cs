using RoboTrader.Engine.Journal;

namespace RoboTrader.Engine.Tests.Durability;

/// <summary>LEB128 varints: the bytes written are the textbook encoding, and read back.</summary>
public sealed class JournalVarintTests
{
    private static byte[] Leb128(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static IEnumerable<ulong> Values()
    {
        yield return 0;
        yield return ulong.MaxValue;
        for (var bits = 1; bits < 64; bits++)
        {
            yield return (1UL << bits) - 1; // the largest value of each length, and the smallest of the next
            yield return 1UL << bits;
        }

        var random = new Random(56);
        for (var i = 0; i < 2000; i++)
        {
            yield return (ulong)random.NextInt64() >> random.Next(64);
        }
    }

    [Fact]
    public void Write_EveryLength_TextbookBytes_WithRoomAndAtTheBufferEnd()
    {
        foreach (var value in Values())
        {
            var expected = Leb128(value);
            foreach (var room in new[] { JournalVarint.MaxLength + 8, expected.Length }) // room to spare, and none
            {
                var buffer = new byte[3 + room];
                var position = 3;
                JournalVarint.Write(buffer, ref position, value);

                Assert.Equal(3 + expected.Length, position);
                Assert.Equal(expected, buffer.AsSpan(3, expected.Length).ToArray());
                var read = 3;
                Assert.True(JournalVarint.TryRead(buffer, ref read, out var back));
                Assert.Equal(value, back);
                Assert.Equal(position, read);
            }
        }
    }

    [Fact]
    public void Write_Consecutive_ValuesFollowEachOther()
    {
        var values = Values().ToArray();
        var buffer = new byte[(values.Length * JournalVarint.MaxLength) + 8];
        var position = 0;
        foreach (var v in values)
        {
            JournalVarint.Write(buffer, ref position, v);
        }

        Assert.Equal(values.SelectMany(Leb128).ToArray(), buffer.AsSpan(0, position).ToArray());
    }
}
