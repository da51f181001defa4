using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Strategies;
using static RoboTrader.Engine.Tests.Strategies.StrategyEvents;

namespace RoboTrader.Engine.Tests.Strategies;

public sealed class PriceDistanceTests
{
    [Theory]
    [InlineData("50bps", "10.75", "0.01", 6)]   // 0.05375 → 6 ticks (rounded up)
    [InlineData("40bps", "10", "0.01", 4)]      // exactly 0.04 → 4 ticks
    [InlineData("0.5bps", "10", "0.01", 1)]     // 0.0005 → never less than one tick
    [InlineData("7ticks", "123.45", "0.05", 7)]
    [InlineData("12.5 bps", "200", "0.01", 25)] // 0.25 → 25 ticks
    public void TicksFrom_RoundsUpToWholeTicks(string text, string reference, string tick, long expected)
    {
        Assert.True(PriceDistance.TryParse(text, out var distance));

        Assert.Equal(expected, distance.TicksFrom(P(reference).Raw, P(tick).Raw));
    }

    [Theory]
    [InlineData("50")]
    [InlineData("bps")]
    [InlineData("1.5ticks")]
    [InlineData("-3ticks")]
    [InlineData("5 pips")]
    public void TryParse_NotADistance_Fails(string text) => Assert.False(PriceDistance.TryParse(text, out _));

    [Fact]
    public void ToString_RoundTrips()
    {
        foreach (var d in new[] { PriceDistance.Bps(new BasisPoints(125 * FixedPoint.Scale / 10)), PriceDistance.Ticks(4) })
        {
            Assert.True(PriceDistance.TryParse(d.ToString(), out var back));
            Assert.Equal(d, back);
        }
    }
}
