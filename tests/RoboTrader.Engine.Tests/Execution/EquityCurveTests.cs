using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;
using static RoboTrader.Engine.Tests.Execution.Intents;

namespace RoboTrader.Engine.Tests.Execution;

public sealed class EquityCurveTests
{
    [Fact]
    public void Samples_AtEachBoundaryCrossed_WithTheStateBeforeTheEvent_PlusAFinalOne()
    {
        var options = new ExecutionOptions(default) { InitialCash = new Money(1000 * FixedPoint.Scale), EquityInterval = TimeSpan.FromMinutes(1) };
        var x = new ExchangeHarness(options);
        x.Trade(1_000, "10", Market(Side.Buy, 10));   // first event: a sample at 09:30:00 (the initial state)
        x.Trade(2_000, "11");                          // fills 10 @ 11
        x.Trade(61_000, "12");                         // crosses 09:31: sample before it (mark 11)
        x.Trade(62_000, "13");
        x.Trade(185_000, "9");                         // crosses 09:32 and 09:33: one sample, at 09:33, mark 13
        x.End();                                       // final sample at the last event's time, mark 9

        Assert.Equal([Ms(0), Ms(60_000), Ms(180_000), Ms(185_000)], x.Samples.Select(s => s.TimeNanos));
        Assert.Equal(["1000", "1000", "1020", "980"], x.Samples.Select(s => s.Equity.ToString()));
        Assert.Equal(["1000", "890", "890", "890"], x.Samples.Select(s => s.Cash.ToString()));
        Assert.Equal(["0", "110", "130", "90"], x.Samples.Select(s => s.GrossExposure.ToString()));
        Assert.Equal(["0", "0", "20", "-20"], x.Samples.Select(s => s.UnrealizedPnl.ToString()));
    }

    [Fact]
    public void ShortPosition_HasNegativeNetExposure_AndPositiveGross()
    {
        var x = new ExchangeHarness(new ExecutionOptions(default) { InitialCash = new Money(1000 * FixedPoint.Scale) });
        x.Trade(0, "10", Market(Side.Sell, 10));
        x.Trade(1, "10");
        x.End();

        var last = x.Samples[^1];
        Assert.Equal(("-100", "100", "1000", "1100"), (last.NetExposure.ToString(), last.GrossExposure.ToString(), last.Equity.ToString(), last.Cash.ToString()));
    }
}
