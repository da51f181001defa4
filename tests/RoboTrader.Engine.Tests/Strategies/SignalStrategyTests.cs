using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>Signals reach decide: signal-follow and the signal gate on hand-made streams (LEAN times: 04:00Z is local midnight).</summary>
public sealed class SignalStrategyTests : IDisposable
{
    private static readonly DateOnly s_day = new(2013, 10, 7);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private BacktestOptions Options(string name, StrategyKind strategy, bool gate, TimeSpan window)
        => new(
            _temp.Combine(name),
            new SmaCrossOptions(1, 2, Quantity.FromUnits(100)),
            new ExecutionOptions(default),
            RiskOptions.Default,
            new PipelineOptions(1 << 10, WaitStrategyKind.Yielding, StagePlacement.Parse("parse|risk,decide,execute,persist"), 1),
            [])
        {
            Strategy = strategy,
            Signals = new SignalOptions(gate, window),
        };

    private static ListFrameSource Signal(ListFrameSource source, string action, string? time)
        => source.Add("BAC", FrameFormat.TaskInputs, "{\"symbol\":\"BAC\",\"action\":\"" + action + "\",\"confidence\":0.8,\"horizon\":\"1d\",\"source\":\"ai\"" + (time is null ? string.Empty : ",\"time\":\"" + time + "\"") + "}");

    private string[] FillRows(string name) => File.ReadAllLines(_temp.Combine(name, "fills.csv")).Skip(1).Select(r => string.Join(',', r.Split(',').Where((_, i) => i != 1))).ToArray();

    [Fact]
    public void Run_SignalFollow_FollowsFreshSignalsAndGoesFlatWhenStale()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 1_000, 100_000); // 0: no signal: flat
        Signal(source, "buy", "2013-10-07T04:00:01.500Z");                           // 1
        source.Trade("BAC", 2_000, 101_000)                                           // 2: fresh buy → buy 100
            .Trade("BAC", 3_000, 102_000);                                            // 3: fills
        Signal(source, "sell", null);                                                 // 4: stamped 04:00:03
        source.Trade("BAC", 4_000, 103_000)                                           // 5: fresh sell → sell 200
            .Trade("BAC", 5_000, 104_000)                                             // 6: fills
            .Trade("BAC", 64_000, 105_000)                                            // 7: 61 s old > 1 min: flat → buy 100
            .Trade("BAC", 65_000, 106_000);                                           // 8: fills

        var summary = BacktestRunner.Run(source, Options("follow", StrategyKind.SignalFollow, false, TimeSpan.FromMinutes(1)));

        Assert.Equal(["3,BAC,BUY,100,10.2,0", "6,BAC,SELL,200,10.4,0", "8,BAC,BUY,100,10.6,0"], FillRows("follow"));
        Assert.Equal(2, summary.Signals);
        Assert.Equal(Quantity.Zero, summary.Positions.Single().Value);
    }

    [Fact]
    public void Run_SignalFollow_SignalAfterMarketTimeIsNotYetFresh()
    {
        var source = new ListFrameSource(s_day, "BAC");
        Signal(source, "buy", "2013-10-07T04:00:10Z");
        source.Trade("BAC", 1_000, 100_000).Trade("BAC", 2_000, 100_000);

        var summary = BacktestRunner.Run(source, Options("future", StrategyKind.SignalFollow, false, TimeSpan.FromMinutes(1)));

        Assert.Equal(0, summary.Orders);
    }

    [Theory]
    [InlineData(false, new[] { "3,BAC,SELL,100,8,0", "5,BAC,BUY,200,9.6,0" })]
    [InlineData(true, new[] { "5,BAC,BUY,100,9.6,0" })]
    public void Run_SignalGateWithBuySignal_SuppressesTradesAgainstIt(bool gate, string[] expected)
    {
        var source = new ListFrameSource(s_day, "BAC");
        Signal(source, "buy", "2013-10-07T04:00:00Z");   // 0
        source.Trade("BAC", 1_000, 100_000)              // 1
            .Trade("BAC", 2_000, 90_000)                 // 2: down → sell 100 (gated: short is against the buy)
            .Trade("BAC", 3_000, 80_000)                 // 3
            .Trade("BAC", 4_000, 95_000)                 // 4: up → buy
            .Trade("BAC", 5_000, 96_000);                // 5: fills

        BacktestRunner.Run(source, Options("gate-" + gate, StrategyKind.SmaCross, gate, TimeSpan.FromMinutes(30)));

        Assert.Equal(expected, FillRows("gate-" + gate));
    }

    [Fact]
    public void Run_SignalGateWithoutSignal_NoOrders()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 1_000, 100_000).Trade("BAC", 2_000, 110_000).Trade("BAC", 3_000, 90_000);

        var summary = BacktestRunner.Run(source, Options("nosignal", StrategyKind.SmaCross, true, TimeSpan.FromMinutes(30)));

        Assert.Equal(0, summary.Orders);
    }

    [Fact]
    public void Validate_SignalFollowWithGate_Throws()
        => Assert.Throws<Core.Errors.EngineException>(() => Options("x", StrategyKind.SignalFollow, true, TimeSpan.FromMinutes(1)).Validate());
}
