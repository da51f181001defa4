using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;
using static RoboTrader.Engine.Tests.Execution.Intents;

namespace RoboTrader.Engine.Tests.Execution;

public sealed class NextTickFillModelTests
{
    private static ExecutionOptions Options => new(default) { InitialCash = Money.Zero };

    [Fact]
    public void Market_FillsInFullAtNextNonSuspiciousPrint_NotOnItsOwnEvent()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Market(Side.Buy, 100));   // seq 0 submits
        x.Trade(1, "9", suspicious: true);         // ignored
        x.Trade(2, "10.5");                        // fills

        var fill = Assert.Single(x.Fills);
        Assert.Equal((2L, P("10.5"), Q(100), 1L), (fill.Sequence, fill.Price, fill.Quantity, fill.OrderId.Value));
        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Filled], x.History(1));
        Assert.Equal(Q(100), fill.PositionAfter);
        Assert.Equal(OrderType.Market, fill.OrderType);
    }

    [Fact]
    public void Limit_FillsOnlyAtItsLimitOrBetter_AtThePrint()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Buy, 100, "9.95"));
        x.Trade(1, "9.96");   // above the limit: no fill
        x.Trade(2, "9.95");   // at the limit: fills at 9.95
        x.Trade(3, "10", Limit(Side.Sell, 100, "10.10"));
        x.Trade(4, "10.09");
        x.Trade(5, "10.12");  // better than the limit: fills at the print

        Assert.Equal([(2L, "9.95"), (5L, "10.12")], x.Fills.Select(f => (f.Sequence, f.Price.ToString())));
    }

    [Fact]
    public void Stop_TriggersOnlyWhenTradedThrough_NotOnATouch()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Stop(Side.Buy, 100, "10.20"));
        x.Trade(1, "10.20");  // touch: nothing
        x.Trade(2, "10.21");  // through: triggers and fills at this print
        x.Trade(3, "10.30", Stop(Side.Sell, 50, "10"));
        x.Trade(4, "10");     // touch
        x.Trade(5, "9.99");   // through

        Assert.Equal([(2L, "10.21", Side.Buy), (5L, "9.99", Side.Sell)], x.Fills.Select(f => (f.Sequence, f.Price.ToString(), f.Side)));
        Assert.Equal(P("10.20"), x.Fills[0].StopPrice);
    }

    [Fact]
    public void StopLimit_AfterTriggerWorksAsLimit()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", StopLimit(Side.Buy, 100, "10.20", "10.25"));
        x.Trade(1, "10.30");  // triggers, but above the limit: no fill
        x.Trade(2, "10.26");
        x.Trade(3, "10.24");  // fills

        var fill = Assert.Single(x.Fills);
        Assert.Equal((3L, "10.24"), (fill.Sequence, fill.Price.ToString()));
        Assert.Equal(OrderType.StopLimit, fill.OrderType);
    }

    [Fact]
    public void Ioc_NotMarketableOnArrival_ExpiresAtTheFirstPrint()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Buy, 100, "9.90", TimeInForce.Ioc));
        x.Trade(1, "9.95");   // arrival: not marketable → expired
        x.Trade(2, "9.80");   // too late

        Assert.Empty(x.Fills);
        var last = x.EventsOf(1)[^1];
        Assert.Equal((OrderStatus.Expired, ErrorCode.ExecutionIocRemainder, 1L), (last.Status, last.Reason, last.Sequence));
        Assert.Equal(1, x.Stage.Expired);
    }

    [Fact]
    public void Fok_MarketableOnArrival_FillsInFull()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Sell, 100, "10", TimeInForce.Fok));
        x.Trade(1, "10.01");

        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Filled], x.History(1));
    }

    [Fact]
    public void Latency_OrderIsLiveOnlyFromItsTimePlusLatency()
    {
        var x = new ExchangeHarness(Options with { LatencyMilliseconds = 100 });
        x.Trade(0, "10", Market(Side.Buy, 100));
        x.Trade(50, "10.1");   // 50 ms later: not live yet
        x.Trade(99, "10.2");
        x.Trade(100, "10.3");  // exactly submission + latency: fills

        var fill = Assert.Single(x.Fills);
        Assert.Equal((3L, "10.3"), (fill.Sequence, fill.Price.ToString()));
    }

    [Fact]
    public void SlippageTicks_MovesAgainstTheOrder_AndALimitClampsIt()
    {
        var x = new ExchangeHarness(Options with { SlippageTicks = 2 });
        x.Trade(0, "10", Market(Side.Buy, 100));
        x.Trade(1, "10");                             // buy: 10 + 0.02
        x.Trade(2, "10", Market(Side.Sell, 100));
        x.Trade(3, "10");                             // sell: 10 − 0.02
        x.Trade(4, "10", Limit(Side.Buy, 100, "9.99"));
        x.Trade(5, "9.98");                           // 9.98 + 0.02 = 10.00, clamped to the limit 9.99
        x.Trade(6, "10", Limit(Side.Sell, 100, "10.01"));
        x.Trade(7, "10.02");                          // 10.02 − 0.02 = 10.00, clamped to 10.01

        Assert.Equal(["10.02", "9.98", "9.99", "10.01"], x.Fills.Select(f => f.Price.ToString()));
    }

    [Fact]
    public void SlippageBps_IsAFractionOfThePrice()
    {
        var x = new ExchangeHarness(Options with { SlippageBps = new BasisPoints(5 * FixedPoint.Scale) });
        x.Trade(0, "100", Market(Side.Buy, 10));
        x.Trade(1, "100");  // 100 × 5 / 10000 = 0.05

        Assert.Equal("100.05", Assert.Single(x.Fills).Price.ToString());
    }

    [Fact]
    public void Fees_BpsPlusPerShare_WithAMinimumPerFill()
    {
        var x = new ExchangeHarness(Options with
        {
            FeeBps = new BasisPoints(FixedPoint.Scale),           // 1 bp
            FeePerShare = P("0.005"),
            FeeMinimum = new Money(FixedPoint.Scale),             // 1
        });
        x.Trade(0, "20", Market(Side.Buy, 1000));
        x.Trade(1, "20");   // 20000 × 0.0001 + 1000 × 0.005 = 2 + 5 = 7
        x.Trade(2, "20", Market(Side.Sell, 10));
        x.Trade(3, "20");   // 0.02 + 0.05 = 0.07 → the minimum 1

        Assert.Equal(["7", "1"], x.Fills.Select(f => f.Fee.ToString()));
        Assert.Equal("8", x.Portfolio.Fees.ToString());
    }

    [Fact]
    public void Fill_CarriesPositionAndRealizedPnlOfThatFill()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Market(Side.Buy, 100));
        x.Trade(1, "10");
        x.Trade(2, "11", Market(Side.Sell, 150));
        x.Trade(3, "12");   // closes 100 at +2 each, opens 50 short

        Assert.Equal((Q(-50), "200"), (x.Fills[1].PositionAfter, x.Fills[1].RealizedPnl.ToString()));
        Assert.Equal("0", x.Fills[0].RealizedPnl.ToString());
    }
}
