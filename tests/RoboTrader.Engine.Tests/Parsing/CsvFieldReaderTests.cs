using System.Text;
using RoboTrader.Engine.Parsing;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>The block-mask field reader against string.Split on every length class it handles
/// (scalar below 16 bytes, overlapping 16- and 32-byte loads, whole 64-byte blocks and their tails).</summary>
public sealed class CsvFieldReaderTests
{
    private static string[] Fields(string line)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        var reader = new CsvFieldReader(bytes);
        var fields = new List<string>();
        while (reader.TryNext(out var field))
        {
            fields.Add(Encoding.ASCII.GetString(field));
        }

        Assert.True(reader.AtEnd);
        Assert.False(reader.TryNext(out _));
        return [.. fields];
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("a")]
    [InlineData(",,")]
    [InlineData("34200000,1234500,100,NYSE,,0,False")]
    [InlineData("34200000,1234500,100,1234600,200,0,")]
    public void TryNext_KnownLines_MatchSplit(string line) => Assert.Equal(line.Split(','), Fields(line));

    [Fact]
    public void TryNext_RandomLinesOfEveryLength_MatchSplit()
    {
        var random = new Random(7);
        var text = new StringBuilder();
        for (var length = 0; length <= 260; length++)
        {
            for (var trial = 0; trial < 40; trial++)
            {
                text.Clear();
                var commaEvery = random.Next(1, 12); // sparse to dense, including runs of commas
                for (var i = 0; i < length; i++)
                {
                    text.Append(random.Next(commaEvery) == 0 ? ',' : (char)('0' + random.Next(10)));
                }

                var line = text.ToString();
                Assert.Equal(line.Split(','), Fields(line));
            }
        }
    }

    [Fact]
    public void TryNext_CommasOnBlockBoundaries_MatchSplit()
    {
        foreach (var position in new[] { 0, 15, 16, 31, 32, 63, 64, 65, 127, 128 })
        {
            var chars = Enumerable.Repeat('7', 130).ToArray();
            chars[position] = ',';
            var line = new string(chars);
            Assert.Equal(line.Split(','), Fields(line));
        }
    }
}
