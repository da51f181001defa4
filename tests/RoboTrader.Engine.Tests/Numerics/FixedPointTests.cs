using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Tests.Numerics;

public sealed class FixedPointTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 100_000_000L)]
    [InlineData("-1", -100_000_000L)]
    [InlineData("13.94", 1_394_000_000L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("-0.5", -50_000_000L)]
    [InlineData("92233720368.54775807", long.MaxValue)]
    public void TryParse_ExactDecimal_GivesRawAndFormatsBack(string text, long raw)
    {
        Assert.True(FixedPoint.TryParse(text, out var parsed));
        Assert.Equal(raw, parsed);
        Assert.Equal(text, FixedPoint.Format(parsed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData("0.000000001")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("99999999999999999999")]
    public void TryParse_Malformed_Fails(string text) => Assert.False(FixedPoint.TryParse(text, out _));

    [Theory]
    [InlineData(5, 10, 1)]
    [InlineData(4, 10, 0)]
    [InlineData(-5, 10, -1)]
    [InlineData(-4, 10, 0)]
    [InlineData(15, 10, 2)]
    public void DivideRounded_HalfAwayFromZero(long numerator, long denominator, long expected)
        => Assert.Equal((Int128)expected, FixedPoint.DivideRounded(numerator, denominator));

    [Fact]
    public void Format_Int128Extremes_DoNotOverflow()
    {
        Assert.StartsWith("-", FixedPoint.Format(Int128.MinValue), StringComparison.Ordinal);
        Assert.DoesNotContain("-", FixedPoint.Format(Int128.MaxValue), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatThenParse_SeededRandomValues_RoundTrip()
    {
        var random = new Random(12345);
        for (var i = 0; i < 10_000; i++)
        {
            var raw = random.NextInt64(long.MinValue + 1, long.MaxValue);
            Assert.True(FixedPoint.TryParse(FixedPoint.Format(raw), out var back));
            Assert.Equal(raw, back);
        }
    }

    [Fact]
    public void Notional_QuantityTimesPrice_IsExact()
    {
        var notional = Money.Notional(Quantity.FromUnits(100), new Price(1_394_000_000));
        Assert.Equal("1394", notional.ToString());
        var fee = new BasisPoints(FixedPoint.Scale).Of(notional);
        Assert.Equal("0.1394", fee.ToString());
    }

    [Fact]
    public void PriceFromScaled_LeanDeciCents_ScalesExactly()
        => Assert.Equal("13.94", Price.FromScaled(139_400, 4).ToString());
}
