using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Tests.Trading;

public sealed class PositionTests
{
    private static Quantity Q(long units) => Quantity.FromUnits(units);

    private static Price P(string text) => Price.TryParse(text, out var p) ? p : throw new FormatException(text);

    [Fact]
    public void Apply_AddThenPartialClose_RealizesByAverageCost()
    {
        var position = default(Position);
        position.Apply(Q(100), P("10"), Money.Zero);
        position.Apply(Q(100), P("12"), Money.Zero); // average 11
        position.Apply(Q(-50), P("15"), Money.Zero); // realizes 50 × (15 − 11) = 200

        Assert.Equal(Q(150), position.Quantity);
        Assert.Equal("200", position.RealizedPnl.ToString());
        Assert.Equal("1650", position.CostBasis.ToString());
        Assert.Equal("150", position.Unrealized(P("12")).ToString());
    }

    [Fact]
    public void Apply_FlipLongToShort_ClosesThenOpensAtFillPrice()
    {
        var position = default(Position);
        position.Apply(Q(100), P("13.94"), Money.Zero);
        position.Apply(Q(-200), P("13.91"), Money.Zero);

        Assert.Equal(Q(-100), position.Quantity);
        Assert.Equal("-3", position.RealizedPnl.ToString());
        Assert.Equal("-1391", position.CostBasis.ToString());
    }

    [Fact]
    public void Apply_ShortCoveredLower_RealizesProfit()
    {
        var position = default(Position);
        position.Apply(Q(-100), P("20"), Money.Zero);
        position.Apply(Q(100), P("19.5"), new Money(5 * FixedPoint.Scale));

        Assert.True(position.Quantity.IsZero);
        Assert.Equal("50", position.RealizedPnl.ToString());
        Assert.Equal("5", position.Fees.ToString());
        Assert.Equal("0", position.CostBasis.ToString());
    }

    [Fact]
    public void Apply_SeededRandomFills_PositionEqualsSumOfFills()
    {
        var random = new Random(7);
        var position = default(Position);
        long sum = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var qty = random.Next(-300, 301);
            if (qty == 0)
            {
                continue;
            }

            position.Apply(Q(qty), Price.FromScaled(random.Next(1, 1_000_000), 4), Money.Zero);
            sum += qty;
            Assert.Equal(Q(sum), position.Quantity);
            if (sum == 0)
            {
                Assert.Equal(Money.Zero, position.CostBasis);
            }
        }
    }
}
