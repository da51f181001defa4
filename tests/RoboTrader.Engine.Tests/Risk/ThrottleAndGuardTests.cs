using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Risk;
using static RoboTrader.Engine.Tests.Risk.RiskHarness;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>The order-rate throttle in event time, the stale-data and crossed-quote guards, and the midpoint band.</summary>
public sealed class ThrottleAndGuardTests
{
    [Fact]
    public void SymbolOrderRate_BurstThenOnePerSecondOfEventTime()
    {
        var h = new RiskHarness(RiskOptions.Default with { SymbolOrderRate = Raw("1"), SymbolOrderBurst = 2 });
        var slot = h.Trade(0, T0, "100");

        var first = Buy("1", "100");
        var second = Buy("1", "100");
        var third = Buy("1", "100");
        Assert.Equal(ErrorCode.None, Check(slot, ref first));
        Assert.Equal(ErrorCode.None, Check(slot, ref second));
        Assert.Equal(ErrorCode.RiskThrottle, Check(slot, ref third));
        Assert.False(third.IsPresent);
        Assert.Equal(["symbol-order-rate,ACTIVE,refused BUY 1: tokens 0 burst 2"], Breaches(slot));

        // One nanosecond short of a second refills 0.999999999 token: still refused (and not recorded again).
        var early = h.Trade(0, T0 + Second - 1, "100");
        var refused = Buy("1", "100");
        Assert.Equal(ErrorCode.RiskThrottle, Check(early, ref refused));
        Assert.Equal(0, early.Breaches.Count);

        var onTime = h.Trade(0, T0 + Second, "100");
        var passes = Buy("1", "100");
        Assert.Equal(ErrorCode.None, Check(onTime, ref passes));

        // An intent refused by another check takes no token.
        var later = h.Trade(0, T0 + (2 * Second), "100");
        var outOfBand = LimitBuy("1", "200");
        Assert.Equal(ErrorCode.RiskPriceBand, Check(later, ref outOfBand));
        var inBand = Buy("1", "100");
        Assert.Equal(ErrorCode.None, Check(later, ref inBand));
        var oneTooMany = Buy("1", "100");
        Assert.Equal(ErrorCode.RiskThrottle, Check(later, ref oneTooMany));
        Assert.Equal(
            ["price-band-pct,ACTIVE,refused BUY 1: price 200 beyond band edge 110", "symbol-order-rate,ACTIVE,refused BUY 1: tokens 0 burst 2"],
            Breaches(later)); // the throttle was re-armed by the orders that passed
        Assert.Equal(2, h.Risk.Breaches(RiskRule.SymbolOrderRate));
    }

    [Fact]
    public void OrderRate_IsSharedByEverySymbol()
    {
        var h = new RiskHarness(RiskOptions.Default with { OrderRate = Raw("0.5") });
        h.Trade(0, T0, "100");
        var ibm = h.Trade(1, T0, "50");
        var bac = Buy("1", "50", symbol: 0);
        var second = Buy("1", "50", symbol: 1);

        // The envelope is IBM's; the global bucket holds one order.
        Assert.Equal(ErrorCode.None, Check(ibm, ref bac));
        Assert.Equal(ErrorCode.RiskThrottle, Check(ibm, ref second));
        Assert.Equal(["order-rate,ACTIVE,refused BUY 1: tokens 0 burst 1"], Breaches(ibm));

        // At 0.5 order per second a token takes two seconds.
        var oneSecond = h.Trade(1, T0 + Second, "50");
        var stillRefused = Buy("1", "50", symbol: 1);
        Assert.Equal(ErrorCode.RiskThrottle, Check(oneSecond, ref stillRefused));
        var twoSeconds = h.Trade(1, T0 + (2 * Second), "50");
        var passes = Buy("1", "50", symbol: 1);
        Assert.Equal(ErrorCode.None, Check(twoSeconds, ref passes));
    }

    [Fact]
    public void StaleAfter_ReferenceAgeAtLimitPasses_OneNanosecondMoreRefused()
    {
        var h = new RiskHarness(RiskOptions.Default with { StaleAfter = TimeSpan.FromSeconds(30) });
        h.Trade(0, T0, "100");

        var fresh = h.Quote(0, T0 + (30 * Second), "99.99", "100.01");
        var ok = Buy("1", "100");
        Assert.Equal(ErrorCode.None, Check(fresh, ref ok));

        var stale = h.Quote(0, T0 + (30 * Second) + 1, "99.99", "100.01");
        Assert.Equal(RiskRule.StaleData, stale.Envelope.Block);
        var refused = Buy("1", "100");
        Assert.Equal(ErrorCode.RiskStaleData, Check(stale, ref refused));
        Assert.Equal(["stale-after,ACTIVE,refused BUY 1: reference age 30.00000001s limit 30s"], Breaches(stale)); // age rounded up to 10 ns

        // Still refused, but the continuing refusal is not recorded again.
        var staler = h.Quote(0, T0 + (40 * Second), "99.99", "100.01");
        var sell = Sell("2", "100");
        Assert.Equal(ErrorCode.RiskStaleData, Check(staler, ref sell));
        Assert.Equal(0, staler.Breaches.Count);
        Assert.Equal(1, h.Risk.Breaches(RiskRule.StaleData));

        // A new trade makes it fresh again.
        var trade = h.Trade(0, T0 + (31 * Second), "100");
        Assert.Equal(RiskRule.None, trade.Envelope.Block);
    }

    [Fact]
    public void CrossedQuoteGuard_LockedOrCrossedRefused_NormalQuotePasses()
    {
        var h = new RiskHarness(RiskOptions.Default with { CrossedQuoteGuard = true });
        h.Trade(0, T0, "10");

        var locked = h.Quote(0, T0 + 1, "10", "10");
        var refused = Buy("1", "10");
        Assert.Equal(ErrorCode.RiskCrossedQuote, Check(locked, ref refused));
        Assert.Equal(["crossed-quote-guard,ACTIVE,refused BUY 1: bid 10 >= ask 10"], Breaches(locked));

        var normal = h.Quote(0, T0 + 2, "10", "10.01");
        var passes = Buy("1", "10");
        Assert.Equal(ErrorCode.None, Check(normal, ref passes));
    }

    [Fact]
    public void CrossedQuote_GuardOff_Passes()
    {
        var h = new RiskHarness(RiskOptions.Default);
        h.Trade(0, T0, "10");
        var crossed = h.Quote(0, T0 + 1, "10.02", "10");
        var intent = Buy("1", "10");

        Assert.Equal(ErrorCode.None, Check(crossed, ref intent));
    }

    [Fact]
    public void MidBand_EdgePasses_OneUnitOutsideRefused()
    {
        // Mid of 99/101 is 100; a 1% band is [99, 101].
        var h = new RiskHarness(RiskOptions.Default with { MidBandPercent = Raw("1") });
        h.Trade(0, T0, "100");
        var slot = h.Quote(0, T0 + 1, "99", "101");

        var edge = LimitBuy("1", "101");
        Assert.Equal(ErrorCode.None, Check(slot, ref edge));
        var outside = LimitBuy("1", "101.00000001");
        Assert.Equal(ErrorCode.RiskPriceBand, Check(slot, ref outside));
        Assert.Equal(["mid-band-pct,ACTIVE,refused BUY 1: price 101.00000001 beyond band edge 101"], Breaches(slot));
    }
}
