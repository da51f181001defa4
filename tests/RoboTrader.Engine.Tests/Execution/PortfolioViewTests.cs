using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;

namespace RoboTrader.Engine.Tests.Execution;

public sealed class PortfolioViewTests
{
    private static Quantity Q(long units) => Quantity.FromUnits(units);

    private static Price P(string text) => Price.TryParse(text, out var p) ? p : throw new FormatException(text);

    private static Money M(long units) => new((Int128)units * FixedPoint.Scale);

    [Fact]
    public void CashEquityAndExposure_FollowFillsAndMarks()
    {
        var portfolio = new Portfolio(2, M(10_000));
        var a = portfolio.Book(new SymbolId(0));
        var b = portfolio.Book(new SymbolId(1));

        a.Apply(Q(100), P("10"), M(1)); // cash 10000 − 1000 − 1
        b.Apply(Q(-50), P("20"), M(2)); // short: cash + 1000 − 2
        a.Mark = P("11");
        b.Mark = P("18");

        Assert.Equal("9997", portfolio.Cash.ToString());
        // equity = cash + 100 × 11 − 50 × 18
        Assert.Equal("10197", portfolio.Equity.ToString());
        Assert.Equal("2000", portfolio.GrossExposure.ToString());
        Assert.Equal("200", portfolio.NetExposure.ToString());
        Assert.Equal(portfolio.Equity, portfolio.InitialCash + portfolio.RealizedPnl + portfolio.UnrealizedPnl - portfolio.Fees);
    }

    [Fact]
    public void AverageCost_IsCostBasisOverQuantity_AndZeroWhenFlat()
    {
        var portfolio = new Portfolio(1);
        var book = portfolio.Book(new SymbolId(0));
        Assert.Equal(Price.Zero, portfolio.AverageCostOf(new SymbolId(0)));

        book.Apply(Q(100), P("10"), Money.Zero);
        book.Apply(Q(200), P("10.3"), Money.Zero);
        Assert.Equal(P("10.2"), portfolio.AverageCostOf(new SymbolId(0)));

        book.Apply(Q(-300), P("11"), Money.Zero);
        Assert.Equal(Price.Zero, portfolio.AverageCostOf(new SymbolId(0)));
    }

    [Fact]
    public void AverageCost_OfShort_IsPositive()
    {
        var portfolio = new Portfolio(1);
        portfolio.Book(new SymbolId(0)).Apply(Q(-3), P("10"), Money.Zero);
        Assert.Equal(P("10"), portfolio.AverageCostOf(new SymbolId(0)));
    }
}
