using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;
using static RoboTrader.Engine.Tests.Risk.RiskHarness;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>ACTIVE / REDUCING / HALTED: what each allows, how commands move between them, and the breach latches.</summary>
public sealed class TradingStateTests
{
    [Fact]
    public void Reducing_OnlyOrdersThatReduceThePosition()
    {
        var h = new RiskHarness(RiskOptions.Default);
        h.Portfolio.Hold(0, "100", "100").Pending(0, "0", "40");
        h.Command(CommandKind.Reduce);
        var slot = h.Trade(0, RiskHarness.T0, "100");

        Assert.Equal(TradingState.Reducing, slot.Envelope.State);
        Assert.Equal(Qty("0"), slot.Envelope.MaxBuy);
        Assert.Equal(Qty("60"), slot.Envelope.MaxSell); // 100 long, 40 already being sold
        var buy = Buy("1", "100");
        Assert.Equal(ErrorCode.RiskReduceOnly, Check(slot, ref buy));
        Assert.False(buy.IsPresent);
        var sell = Sell("200", "100");
        Assert.Equal(ErrorCode.RiskReduceOnly, Check(slot, ref sell));
        Assert.Equal(Qty("60"), sell.Quantity);
        var exact = Sell("60", "100");
        Assert.Equal(ErrorCode.None, Check(slot, ref exact));
        Assert.Equal(["reduce-only,REDUCING,refused BUY 1: reduce-only allows 0"], Breaches(slot)); // the clamp that followed was latched
    }

    [Fact]
    public void Reducing_ShortPosition_MayOnlyBuyBack()
    {
        var h = new RiskHarness(RiskOptions.Default);
        h.Portfolio.Hold(0, "-50", "100");
        h.Command(CommandKind.Reduce);
        var slot = h.Trade(0, RiskHarness.T0, "100");

        Assert.Equal(Qty("50"), slot.Envelope.MaxBuy);
        Assert.Equal(Qty("0"), slot.Envelope.MaxSell);
    }

    [Fact]
    public void Halted_RefusesEveryOrder_CancelsPass()
    {
        var h = new RiskHarness(RiskOptions.Default);
        h.Portfolio.Hold(0, "100", "100");
        h.Command(CommandKind.Halt);
        var slot = h.Trade(0, RiskHarness.T0, "100");

        var sell = Sell("1", "100");
        Assert.Equal(ErrorCode.RiskKillSwitch, Check(slot, ref sell));
        var cancel = new OrderIntent { Symbol = new Core.Market.SymbolId(0), Side = Side.Buy, Action = OrderAction.Cancel, Target = new ClientOrderId(7) };
        Assert.Equal(ErrorCode.None, Check(slot, ref cancel));
        Assert.True(cancel.IsPresent);
        Assert.True(h.Kill.IsEngaged);
        Assert.Equal(["halted,HALTED,refused SELL 1: trading HALTED"], Breaches(slot));
    }

    [Fact]
    public void Commands_MoveBetweenStates_ResumeAndReduceReleaseTheKillSwitch()
    {
        var h = new RiskHarness(RiskOptions.Default);

        h.Command(CommandKind.Halt);
        Assert.Equal(TradingState.Halted, h.Risk.State);
        h.Command(CommandKind.Reduce);
        Assert.Equal(TradingState.Reducing, h.Risk.State);
        Assert.False(h.Kill.IsEngaged);
        h.Command(CommandKind.Resume);
        Assert.Equal(TradingState.Active, h.Risk.State);

        // A stage fault engages the kill switch: HALTED until resume.
        h.Kill.Engage("stage Execute faulted");
        Assert.Equal(TradingState.Halted, h.Trade(0, RiskHarness.T0, "100").Envelope.State);
        h.Command(CommandKind.Resume);
        Assert.Equal(TradingState.Active, h.Trade(0, RiskHarness.T0 + 1, "100").Envelope.State);
        Assert.Equal(4, h.Risk.CommandsApplied);
    }

    [Fact]
    public void KillSwitchOption_StartsHalted()
    {
        var h = new RiskHarness(RiskOptions.Default with { KillSwitchEngaged = true });

        Assert.Equal(TradingState.Halted, h.Trade(0, RiskHarness.T0, "100").Envelope.State);
    }

    [Fact]
    public void OrderLevelBreach_RecordedOnce_AgainOnlyAfterAnOrderPassed()
    {
        var h = new RiskHarness(RiskOptions.Default with { MaxPosition = Qty("100") });
        var slot = h.Trade(0, RiskHarness.T0, "100");

        var first = Buy("200", "100");
        Check(slot, ref first);
        var second = Buy("200", "100");
        Check(slot, ref second);
        Assert.Equal(["max-position,ACTIVE,clamped BUY 200: allowed 100"], Breaches(slot));

        var passes = Buy("50", "100");
        Assert.Equal(ErrorCode.None, Check(slot, ref passes));
        var third = Buy("200", "100");
        Check(slot, ref third);
        Assert.Equal(2, h.Risk.Breaches(RiskRule.MaxPosition));
    }

    [Theory]
    [InlineData(CommandLimit.MaxOrderNotional, "5000", -1, true)]
    [InlineData(CommandLimit.MaxOrderNotional, "5000", 0, false)]     // portfolio-wide: no symbol
    [InlineData(CommandLimit.MaxGrossExposure, "0", -1, true)]         // zero turns it off
    [InlineData(CommandLimit.MaxNetExposure, "100000", -1, true)]
    [InlineData(CommandLimit.DailyLossLimit, "2500", -1, true)]
    [InlineData(CommandLimit.MaxDrawdownPercent, "99.99999999", -1, true)]
    [InlineData(CommandLimit.MaxDrawdownPercent, "100", -1, false)]
    [InlineData(CommandLimit.MaxPositionNotional, "10000", 1, true)]
    public void SetLimit_NewLimits_AppliedOrRefused(CommandLimit limit, string value, int symbol, bool applied)
    {
        var h = new RiskHarness(RiskOptions.Default);

        h.Command(CommandKind.SetLimit, limit, value, symbol);

        Assert.Equal(applied ? 1 : 0, h.Risk.CommandsApplied);
        Assert.Equal(applied ? 0 : 1, h.Risk.CommandsRefused);
    }

    [Fact]
    public void SetLimit_MaxOrderNotional_TakesEffectOnTheNextEvent()
    {
        var h = new RiskHarness(RiskOptions.Default);
        h.Command(CommandKind.SetLimit, CommandLimit.MaxOrderNotional, "1000");
        var slot = h.Trade(0, RiskHarness.T0, "100");

        var intent = Buy("11", "100");
        Assert.Equal(ErrorCode.RiskOrderNotional, Check(slot, ref intent));
        Assert.Equal(Qty("10"), intent.Quantity);
    }
}
