using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Diagnostics;

/// <summary>
/// The hot-phase hook: an action runs once, at the first <see cref="RunPhase.Enter"/> after it is set. Other tests start
/// pipelines in parallel (each start enters the phase), so the action may run on their thread: the tests wait for it.
/// </summary>
public sealed class RunPhaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Enter_RunsTheActionOnce()
    {
        var runs = 0;
        RunPhase.OnEnter(() => Interlocked.Increment(ref runs));

        RunPhase.Enter();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref runs) == 1, TimeSpan.FromSeconds(30)));
        RunPhase.Enter();
        RunPhase.Enter();

        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public void Backtest_StartingItsPipeline_EntersTheRunPhase()
    {
        var runs = 0;
        RunPhase.OnEnter(() => Interlocked.Increment(ref runs));
        var options = new BacktestOptions(
            _temp.Combine("run"),
            new SmaCrossOptions(5, 20, Quantity.FromUnits(100)),
            new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
            RiskOptions.Default,
            new PipelineOptions(64, WaitStrategyKind.Yielding, StagePlacement.Default),
            []);

        BacktestRunner.Run(new ListFrameSource(new DateOnly(2013, 10, 7), "AAA").Trade("AAA", 1, 100), options);

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref runs) == 1, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void OnEnter_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => RunPhase.OnEnter(null!));
}
