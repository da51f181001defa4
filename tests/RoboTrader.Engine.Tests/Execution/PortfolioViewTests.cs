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
    public void Aggregates_StayExactThroughRandomFillsMarksAndReadsInAnyOrder()
    {
        // The portfolio keeps its sums incrementally; recompute every figure from the positions after each step.
        var random = new Random(42);
        var portfolio = new Portfolio(3, M(50_000));
        for (var step = 0; step < 2_000; step++)
        {
            var symbol = new SymbolId(random.Next(3));
            var book = portfolio.Book(symbol);
            if (random.Next(3) == 0)
            {
                book.Mark = new Price(random.NextInt64(1, 50_000) * 1_000_003); // odd raw prices: notionals need rounding
            }
            else
            {
                book.Apply(new Quantity(random.NextInt64(-500, 501) * 33_333_333), new Price(random.NextInt64(1, 50_000) * 999_999), new Money(random.Next(0, 1_000_000)));
            }

            if (random.Next(4) != 0)
            {
                continue; // reads come at random points: some steps leave marks and positions unread
            }

            Int128 net = 0, gross = 0, booked = 0, unrealized = 0;
            for (var s = 0; s < 3; s++)
            {
                var id = new SymbolId(s);
                var p = portfolio.PositionRecord(id);
                var mark = portfolio.MarkOf(id);
                var notional = Money.Notional(p.Quantity, mark);
                net += notional.Raw;
                gross += Money.Notional(p.Quantity.Raw < 0 ? -p.Quantity : p.Quantity, mark).Raw;
                booked += (p.RealizedPnl - p.Fees - p.CostBasis).Raw;
                unrealized += p.Unrealized(mark).Raw;
            }

            Assert.Equal(new Money(net), portfolio.NetExposure);
            Assert.Equal(new Money(gross), portfolio.GrossExposure);
            Assert.Equal(portfolio.InitialCash + new Money(booked), portfolio.Cash);
            Assert.Equal(portfolio.InitialCash + new Money(booked + net), portfolio.Equity);
            Assert.Equal(new Money(unrealized), portfolio.UnrealizedPnl);
        }
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
