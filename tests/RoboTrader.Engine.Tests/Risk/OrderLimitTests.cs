using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Risk;
using static RoboTrader.Engine.Tests.Risk.RiskHarness;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>Each per-symbol and per-order limit, exactly at its boundary: the limit passes, one raw unit more is clamped.</summary>
public sealed class OrderLimitTests
{
    [Fact]
    public void MaxPositionNotional_AtLimitPasses_OneUnitMoreClampedToLimit()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxPositionNotional = new Money(Raw("10000")) });
        var slot = h.Trade(0, T0, "100");

        Assert.Equal(Qty("100"), slot.Envelope.MaxBuy);
        Assert.Equal(Qty("100"), slot.Envelope.MaxSell);
        Assert.Equal(RiskRule.MaxPositionNotional, slot.Envelope.BuyRule);
        var atLimit = Buy("100", "100");
        Assert.Equal(ErrorCode.None, Check(slot, ref atLimit));
        var over = Buy("100.00000001", "100");
        Assert.Equal(ErrorCode.RiskExposure, Check(slot, ref over));
        Assert.Equal(Qty("100"), over.Quantity);
        Assert.Equal(["max-position-notional,ACTIVE,clamped BUY 100.00000001: allowed 100"], Breaches(slot));
    }

    [Fact]
    public void MaxPositionNotional_CountsPositionAndWorkingOrders()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxPositionNotional = new Money(Raw("10000")) });
        h.Portfolio.Hold(0, "30", "100").Pending(0, "20", "5");

        var slot = h.Trade(0, T0, "100");

        Assert.Equal(Qty("50"), slot.Envelope.MaxBuy);   // 100 − (30 + 20)
        Assert.Equal(Qty("125"), slot.Envelope.MaxSell); // 100 + (30 − 5)
    }

    [Fact]
    public void MaxOrderNotional_AtLimitPasses_AboveClampedToTheLargestQuantityWithin()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxOrderNotional = new Money(Raw("10000")) });
        var slot = h.Trade(0, T0, "100");

        var atLimit = Buy("100", "100");
        Assert.Equal(ErrorCode.None, Check(slot, ref atLimit));
        var over = Buy("100.00000001", "100");
        Assert.Equal(ErrorCode.RiskOrderNotional, Check(slot, ref over));
        Assert.Equal(Qty("100"), over.Quantity);

        // At its limit price: 10000 / 100.01 = 99.990000999..., floored so the notional stays within the limit.
        var limit = LimitBuy("100", "100.01");
        Assert.Equal(ErrorCode.RiskOrderNotional, Check(slot, ref limit));
        Assert.Equal(new Quantity(9_999_000_099), limit.Quantity);
    }

    [Fact]
    public void MaxOrderNotional_DoesNotChangeTheTradingState()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxOrderNotional = new Money(Raw("0.00000001")) });
        var slot = h.Trade(0, T0, "100");
        var intent = Buy("1", "100");

        Assert.Equal(ErrorCode.RiskOrderNotional, Check(slot, ref intent));
        Assert.False(intent.IsPresent); // not even 10^-8 of a unit fits: refused
        Assert.Equal(Core.Trading.TradingState.Active, h.Risk.State);
        Assert.Equal(["max-order-notional,ACTIVE,refused BUY 1: notional 100 limit 0.00000001"], Breaches(slot));
    }

    [Fact]
    public void MaxPositionRiskPercent_CapsAtThePercentOfEquity()
    {
        // Equity 100,000 in cash; 10% is 10,000 of notional: 100 at 100.
        var h = new RiskHarness(RiskOptions.Default with { MaxPositionRiskPercent = Raw("10") });
        h.Portfolio.Cash = new Money(Raw("100000"));
        var slot = h.Trade(0, T0, "100");

        Assert.Equal(Qty("100"), slot.Envelope.MaxBuy);
        Assert.Equal(RiskRule.MaxPositionRiskPercent, slot.Envelope.BuyRule);
        var over = Buy("100.00000001", "100");
        Assert.Equal(ErrorCode.RiskExposure, Check(slot, ref over));
        Assert.Equal(Qty("100"), over.Quantity);
    }

    [Fact]
    public void MaxGrossExposure_CapsTheSymbolAtTheHeadroomLeftByTheOthers()
    {
        // IBM holds 50,000 of the 100,000: BAC at 50 may take 1000.
        var h = new RiskHarness(RiskOptions.Default with { MaxGrossExposure = new Money(Raw("100000")) });
        h.Portfolio.Hold(1, "500", "100");
        var slot = h.Trade(0, T0, "50");

        Assert.Equal(Qty("1000"), slot.Envelope.MaxBuy);
        Assert.Equal(Qty("1000"), slot.Envelope.MaxSell);
        Assert.Equal(RiskRule.MaxGrossExposure, slot.Envelope.BuyRule);
        var atLimit = Buy("1000", "50");
        Assert.Equal(ErrorCode.None, Check(slot, ref atLimit));
        var over = Buy("1000.00000001", "50");
        Assert.Equal(ErrorCode.RiskExposure, Check(slot, ref over));
        Assert.Equal(Qty("1000"), over.Quantity);
    }

    [Fact]
    public void MaxNetExposure_LongBookAtTheLimit_OnlyShortsAllowedElsewhere()
    {
        // BAC long 100,000 = the net limit: IBM may not buy, and may sell down to a net of −100,000 (4000 at 50).
        var h = new RiskHarness(RiskOptions.Default with { MaxNetExposure = new Money(Raw("100000")) });
        h.Portfolio.Hold(0, "1000", "100");
        var slot = h.Trade(1, T0, "50");

        Assert.Equal(Quantity.Zero, slot.Envelope.MaxBuy);
        Assert.Equal(Qty("4000"), slot.Envelope.MaxSell);
        Assert.Equal(RiskRule.MaxNetExposure, slot.Envelope.BuyRule);
        Assert.Equal(0, slot.Breaches.Count); // |net| = limit is within it
        var buy = Buy("1", "50", symbol: 1);
        Assert.Equal(ErrorCode.RiskExposure, Check(slot, ref buy));
        Assert.False(buy.IsPresent);
    }

    [Fact]
    public void Defaults_OnlyPositionLimitAndBand_AsBefore()
    {
        var h = new RiskHarness(RiskOptions.Default);
        h.Portfolio.Hold(0, "10", "100");
        var slot = h.Trade(0, T0, "100");

        Assert.Equal(Qty("999990"), slot.Envelope.MaxBuy);
        Assert.Equal(Qty("1000010"), slot.Envelope.MaxSell);
        Assert.Equal(RiskRule.MaxPosition, slot.Envelope.BuyRule);
        Assert.Equal(new Price(Raw("90")), slot.Envelope.BandLow);
        Assert.Equal(new Price(Raw("110")), slot.Envelope.BandHigh);
        Assert.Equal(RiskRule.None, slot.Envelope.Block);
        Assert.True(slot.Envelope.MidBandHigh.IsZero);
        Assert.Equal(Money.Zero, slot.Envelope.MaxOrderNotional);
    }
}
