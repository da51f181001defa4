using System.Text;
using RoboTrader.Engine.Parsing;

namespace RoboTrader.Engine.Tests.Parsing;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("13.94", 1_394_000_000L)]
    [InlineData("-0.00000001", -1L)]
    [InlineData("9999999999.99999999", 999_999_999_999_999_999L)]
    public void TryParseStrict_ExactDecimal_FixedPoint(string text, long expected)
    {
        Assert.True(DecimalText.TryParseStrict(Encoding.ASCII.GetBytes(text), out var raw));
        Assert.Equal(expected, raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData(" 1")]
    [InlineData("1.000000001")]
    [InlineData("10000000000")]
    [InlineData("\"1\"")]
    public void TryParseStrict_NotStrict_False(string text)
    {
        Assert.False(DecimalText.TryParseStrict(Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("13.94", 1_394_000_000L)]
    [InlineData(" \"13.94\" ", 1_394_000_000L)]
    [InlineData("'13.94'", 1_394_000_000L)]
    [InlineData("+1.394E1", 1_394_000_000L)]
    [InlineData("1394e-2", 1_394_000_000L)]
    [InlineData(".5", 50_000_000L)]
    [InlineData("5.", 500_000_000L)]
    [InlineData("0.000000015", 2L)]
    [InlineData("-0.000000015", -2L)]
    [InlineData("1e-40", 0L)]
    [InlineData("000000000000000000000000000000000000000001", 100_000_000L)]
    public void TryParseLenient_Tolerated_FixedPoint(string text, long expected)
    {
        Assert.True(DecimalText.TryParseLenient(Encoding.ASCII.GetBytes(text), out var raw));
        Assert.Equal(expected, raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    [InlineData("1e300")]
    [InlineData("99999999999999999999")]
    [InlineData("-")]
    [InlineData(".")]
    public void TryParseLenient_Garbage_False(string text)
    {
        Assert.False(DecimalText.TryParseLenient(Encoding.ASCII.GetBytes(text), out _));
    }
}
