using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Tests.Checkpoints;

public sealed class CheckpointStateTests
{
    [Fact]
    public void Load_StateOfRiskStage_RestoresLimitsCountersAndKillSwitch()
    {
        var killSwitch = new KillSwitch();
        var risk = new RiskStage(RiskOptions.Default, killSwitch, new Portfolio(2), 2);
        killSwitch.Engage("operator");
        var saved = CheckpointState.Save(risk);

        var restoredSwitch = new KillSwitch();
        var restored = new RiskStage(RiskOptions.Default, restoredSwitch, new Portfolio(2), 2);
        CheckpointState.Load(restored, saved);

        Assert.Equal("operator", restoredSwitch.Reason);
        Assert.Equal(saved, CheckpointState.Save(restored));
    }

    [Fact]
    public void Load_StateOfStrategyAndPortfolio_RoundTripsBytes()
    {
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(2, 3, Quantity.FromUnits(10)), 3);
        var portfolio = new Portfolio(3);
        var book = new SignalBook(3, TimeSpan.FromSeconds(1));

        foreach (ICheckpointable part in new ICheckpointable[] { strategy, portfolio, book })
        {
            var saved = CheckpointState.Save(part);
            Assert.Equal(saved, CheckpointState.Save(part));
        }

        var other = new SmaCrossStrategy(new SmaCrossOptions(2, 3, Quantity.FromUnits(10)), 3);
        CheckpointState.Load(other, CheckpointState.Save(strategy));
        Assert.Equal(0, other.SignalOf(new SymbolId(1)));
    }

    [Fact]
    public void Load_StateForAnotherSymbolCount_Throws()
    {
        var saved = CheckpointState.Save(new Portfolio(2));

        var ex = Assert.Throws<EngineException>(() => CheckpointState.Load(new Portfolio(3), saved));

        Assert.Equal(ErrorCode.PersistenceCorrupt, ex.Error.Code);
    }
}
