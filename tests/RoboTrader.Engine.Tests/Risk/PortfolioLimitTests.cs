using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;
using static RoboTrader.Engine.Tests.Risk.RiskHarness;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>
/// Portfolio limits: each trips exactly at its boundary (as defined on <see cref="RiskOptions"/>), moves the trading
/// state up, records one breach per occurrence, and only a command brings the state down.
/// </summary>
public sealed class PortfolioLimitTests
{
    /// <summary>2013-10-08 04:00 UTC: midnight in New York (EDT), the start of the next exchange day.</summary>
    private const long NextDay = 1_381_204_800_000_000_000;

    [Fact]
    public void MaxGrossExposure_AtLimitActive_OneUnitAboveReducing_UntilResume()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxGrossExposure = new Money(Raw("100000")) });
        h.Portfolio.Hold(0, "1000", "100");

        var at = h.Trade(0, T0, "100");
        Assert.Equal(TradingState.Active, at.Envelope.State);
        Assert.Equal(0, at.Breaches.Count);

        var above = h.Trade(0, T0 + 1, "100.00000001");
        Assert.Equal(TradingState.Reducing, above.Envelope.State);
        Assert.Equal(["max-gross-exposure,REDUCING,gross exposure 100000.00001 limit 100000"], Breaches(above));

        // Back within the limit: the state stays until a command; the rule re-arms.
        var back = h.Trade(0, T0 + 2, "100");
        Assert.Equal(TradingState.Reducing, back.Envelope.State);
        Assert.Equal(0, back.Breaches.Count);
        var again = h.Trade(0, T0 + 3, "101");
        Assert.Equal(["max-gross-exposure,REDUCING,gross exposure 101000 limit 100000"], Breaches(again));
        Assert.Equal(2, h.Risk.Breaches(RiskRule.MaxGrossExposure));

        h.Command(CommandKind.Resume);
        var resumed = h.Trade(0, T0 + 4, "101"); // the same, continuing breach: not recorded again
        Assert.Equal(TradingState.Active, resumed.Envelope.State);
        Assert.Equal(0, resumed.Breaches.Count);
    }

    [Fact]
    public void MaxGrossExposure_ActionHalted_EntersHalted()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxGrossExposure = new Money(Raw("100000")), GrossExposureAction = TradingState.Halted });
        h.Portfolio.Hold(0, "1000", "100");

        Assert.Equal(TradingState.Halted, h.Trade(0, T0, "100.00000001").Envelope.State);
    }

    [Fact]
    public void MaxNetExposure_ShortBook_TripsOnAbsoluteNet()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxNetExposure = new Money(Raw("100000")) });
        h.Portfolio.Hold(0, "-1000", "100");

        Assert.Equal(0, h.Trade(0, T0, "100").Breaches.Count);
        var above = h.Trade(0, T0 + 1, "100.00000001");
        Assert.Equal(["max-net-exposure,REDUCING,net exposure 100000.00001 limit 100000"], Breaches(above));
    }

    [Fact]
    public void MaxPortfolioRiskPercent_AtLimitActive_AboveReducing()
    {
        // Cash 100,000 and 1000 BAC: at 100, gross 100,000 of equity 200,000 is exactly 50%.
        var h = new RiskHarness(RiskOptions.Default with { MaxPortfolioRiskPercent = Raw("50") });
        h.Portfolio.Cash = new Money(Raw("100000"));
        h.Portfolio.Hold(0, "1000", "100");

        Assert.Equal(TradingState.Active, h.Trade(0, T0, "100").Envelope.State);
        var above = h.Trade(0, T0 + 1, "100.01"); // 100,010 / 200,010 = 50.0024998750...%
        Assert.Equal(TradingState.Reducing, above.Envelope.State);
        Assert.Equal(["max-portfolio-risk-pct,REDUCING,gross/equity 50.00249988% limit 50%"], Breaches(above));
    }

    [Fact]
    public void DailyLossLimit_LossAtLimitHalts_NewDayRebases_ResumeNeeded()
    {
        // 100 BAC, no cash: equity is the position's value; the day starts at 10,000.
        var h = new RiskHarness(RiskOptions.Default with { DailyLossLimit = new Money(Raw("2500")) });
        h.Portfolio.Hold(0, "100", "100");

        Assert.Equal(TradingState.Active, h.Trade(0, T0, "100").Envelope.State);
        Assert.Equal(TradingState.Active, h.Trade(0, T0 + Second, "75.00000001").Envelope.State); // loss 2499.999999
        var at = h.Trade(0, T0 + (2 * Second), "75");                                                // loss 2500
        Assert.Equal(TradingState.Halted, at.Envelope.State);
        Assert.Equal(["daily-loss-limit,HALTED,loss 2500 limit 2500"], Breaches(at));
        var halted = Buy("1", "75");
        Assert.Equal(ErrorCode.RiskKillSwitch, Check(at, ref halted));

        // The last nanosecond of the New York day is still the same day; midnight starts a new one at 7,500.
        Assert.Equal(0, h.Trade(0, NextDay - 1, "75").Breaches.Count);
        var newDay = h.Trade(0, NextDay, "75");
        Assert.Equal(TradingState.Halted, newDay.Envelope.State); // only a command leaves HALTED
        Assert.Equal(0, newDay.Breaches.Count);

        h.Command(CommandKind.Resume);
        Assert.Equal(TradingState.Active, h.Trade(0, NextDay + Second, "50.00000001").Envelope.State);
        var second = h.Trade(0, NextDay + (2 * Second), "50"); // 7,500 → 5,000
        Assert.Equal(["daily-loss-limit,HALTED,loss 2500 limit 2500"], Breaches(second));
        Assert.Equal(2, h.Risk.Breaches(RiskRule.DailyLossLimit));
    }

    [Fact]
    public void DailyLossLimit_ActionReducing_EntersReducing()
    {
        var h = new RiskHarness(RiskOptions.Default with { DailyLossLimit = new Money(Raw("2500")), DailyLossAction = TradingState.Reducing });
        h.Portfolio.Hold(0, "100", "100");
        h.Trade(0, T0, "100");

        Assert.Equal(TradingState.Reducing, h.Trade(0, T0 + 1, "75").Envelope.State);
    }

    [Fact]
    public void MaxDrawdownPercent_FromTheHighWaterMark_AtLimitHalts()
    {
        // 100 BAC: the mark rises to 11,000; 10% below it is 9,900.
        var h = new RiskHarness(RiskOptions.Default with { MaxDrawdownPercent = Raw("10") });
        h.Portfolio.Hold(0, "100", "100");

        h.Trade(0, T0, "100");
        h.Trade(0, T0 + 1, "110");
        Assert.Equal(TradingState.Active, h.Trade(0, T0 + 2, "99.00000001").Envelope.State);
        var at = h.Trade(0, T0 + 3, "99");
        Assert.Equal(TradingState.Halted, at.Envelope.State);
        Assert.Equal(["max-drawdown-pct,HALTED,drawdown 10% limit 10%"], Breaches(at));
    }

    [Fact]
    public void SeveralLimitsOnOneEvent_EachRecordedTheStateIsTheHighest()
    {
        var h = new RiskHarness(RiskOptions.Default with
        {
            MaxGrossExposure = new Money(Raw("5000")),
            DailyLossLimit = new Money(Raw("2500")),
        });
        h.Portfolio.Hold(0, "100", "100");
        h.Trade(0, T0, "40"); // first event of the day: equity 4,000, under the gross limit

        h.Portfolio.Hold(0, "-200", "40");
        var slot = h.Trade(0, T0 + 1, "52.5"); // short 200 at 52.5: gross 10,500; equity −10,500, loss 14,500
        Assert.Equal(
            ["daily-loss-limit,HALTED,loss 14500 limit 2500", "max-gross-exposure,HALTED,gross exposure 10500 limit 5000"],
            Breaches(slot));
        Assert.Equal(TradingState.Halted, h.Risk.State);
    }
}
