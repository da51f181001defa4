using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;
using static RoboTrader.Engine.Tests.Risk.RiskHarness;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>Every piece of risk state survives a checkpoint: a restored stage writes the same state and decides the same.</summary>
public sealed class RiskCheckpointTests
{
    private static readonly RiskOptions s_options = RiskOptions.Default with
    {
        MaxGrossExposure = new Money(Raw("150000")),
        DailyLossLimit = new Money(Raw("2500")),
        MaxDrawdownPercent = Raw("10"),
        SymbolOrderRate = Raw("1"),
        SymbolOrderBurst = 2,
        OrderRate = Raw("3"),
        OrderBurst = 3,
        StaleAfter = TimeSpan.FromSeconds(60),
        CrossedQuoteGuard = true,
        MidBandPercent = Raw("5"),
    };

    private static RiskHarness Build()
    {
        var h = new RiskHarness(s_options);
        h.Portfolio.Cash = new Money(Raw("50000"));
        h.Portfolio.Hold(0, "1000", "100").Hold(1, "-200", "50");
        return h;
    }

    /// <summary>Events that leave state everywhere: marks, quotes, set limits, a breach and its latch, tokens taken, a state.</summary>
    private static void Prefix(RiskHarness h)
    {
        h.Trade(0, T0, "100");
        h.Quote(1, T0 + 1, "50.1", "50");
        h.Command(CommandKind.SetLimit, CommandLimit.MaxPosition, "5000", 1);
        h.Command(CommandKind.SetLimit, CommandLimit.PriceBandPercent, "7");
        h.Command(CommandKind.SetLimit, CommandLimit.MaxOrderNotional, "20000");
        h.Command(CommandKind.SetLimit, CommandLimit.MaxPositionNotional, "90000", 0);
        var slot = h.Trade(0, T0 + Second, "150.5");     // gross 150,500 + 10,000 > 150,000 → REDUCING
        var sell = Sell("10", "150.5");
        Check(slot, ref sell);                            // passes: a token from each bucket
        var crossed = h.Trade(1, T0 + (2 * Second), "50");
        var buy = Buy("10", "50", symbol: 1);
        Assert.Equal(Core.Errors.ErrorCode.RiskCrossedQuote, Check(crossed, ref buy)); // refused and latched: crossed quote
        h.Command(CommandKind.Halt);
    }

    private static IEnumerable<string> Suffix(RiskHarness h)
    {
        h.Command(CommandKind.Resume);
        foreach (var (symbol, time, price) in new[] { (0, T0 + (3 * Second), "149"), (1, T0 + (3 * Second), "50"), (0, T0 + (90 * Second), "140"), (0, T0 + (91 * Second), "120") })
        {
            var slot = h.Trade(symbol, time, price);
            var intent = Sell("100", price, symbol);
            var error = Check(slot, ref intent);
            yield return $"{slot.Envelope.State} {slot.Envelope.MaxBuy} {slot.Envelope.MaxSell} {slot.Envelope.BuyRule} {slot.Envelope.Block} {slot.Envelope.BandLow} {slot.Envelope.MidBandHigh} {error} {intent.Quantity} {string.Join('|', Breaches(slot))}";
        }
    }

    [Fact]
    public void WriteThenRead_SameStateBytes_SameDecisionsAfterwards()
    {
        var original = Build();
        Prefix(original);
        Assert.Equal(TradingState.Halted, original.Risk.State);
        var saved = CheckpointState.Save(original.Risk);

        var restored = Build();
        CheckpointState.Load(restored.Risk, saved);

        Assert.Equal(saved, CheckpointState.Save(restored.Risk));
        Assert.Equal(original.Kill.Reason, restored.Kill.Reason);
        Assert.Equal(original.Risk.Breaches(RiskRule.MaxGrossExposure), restored.Risk.Breaches(RiskRule.MaxGrossExposure));
        Assert.Equal(1, restored.Risk.Breaches(RiskRule.CrossedQuote));
        var expected = Suffix(original).ToList();
        Assert.Equal(expected, Suffix(restored).ToList());

        // The suffix depends on the restored state: a fresh stage decides otherwise.
        Assert.NotEqual(expected, Suffix(Build()).ToList());
    }

    [Fact]
    public void Read_StateWithoutTheSameBuckets_IsRefusedAsCorrupt()
    {
        var bytes = CheckpointState.Save(Build().Risk);
        var other = new RiskHarness(s_options with { SymbolOrderRate = 0 });

        var error = Assert.Throws<Core.Errors.EngineException>(() => CheckpointState.Load(other.Risk, bytes));
        Assert.Equal(Core.Errors.ErrorCode.PersistenceCorrupt, error.Error.Code);
    }
}
