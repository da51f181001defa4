using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>Operator commands reach the risk stage in ring order with the market data and take effect from that point.</summary>
public sealed class OperatorCommandTests : IDisposable
{
    private static readonly DateOnly s_day = new(2013, 10, 7);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private BacktestOptions Options(string name, string placement = "parse,risk,decide,execute,persist")
        => new(
            _temp.Combine(name),
            new SmaCrossOptions(1, 2, Quantity.FromUnits(100)),
            new ExecutionOptions(default),
            RiskOptions.Default,
            new PipelineOptions(1 << 10, WaitStrategyKind.Yielding, StagePlacement.Parse(placement), 1),
            []);

    private static ListFrameSource Command(ListFrameSource source, string json) => source.Add("BAC", FrameFormat.TaskInputs, json);

    private string[] FillRows(string name) => File.ReadAllLines(_temp.Combine(name, "fills.csv")).Skip(1).Select(r => string.Join(',', r.Split(',').Where((_, i) => i != 1))).ToArray();

    [Theory]
    [InlineData("parse,risk,decide,execute,persist")]
    [InlineData("parse|risk,decide,execute,persist")]
    public void Run_HaltThenResume_NoOrdersBetweenThemOrdersAfter(string placement)
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 0, 100_000) // 0
            .Trade("BAC", 1, 110_000);                                          // 1: up → buy 100
        Command(source, """{"command":"halt"}""");                              // 2
        source.Trade("BAC", 3, 105_000)                                         // 3: buy fills; down → sell 200 refused
            .Trade("BAC", 4, 115_000)                                           // 4: up, already long: nothing
            .Trade("BAC", 5, 104_000);                                          // 5: down → sell 200 refused
        Command(source, """{"command":"resume"}""");                            // 6
        source.Trade("BAC", 7, 106_000)                                         // 7: up, long: nothing
            .Trade("BAC", 8, 103_000)                                           // 8: down → sell 200
            .Trade("BAC", 9, 107_000);                                          // 9: sell fills; up → buy 200 (cancelled at the end)

        var summary = BacktestRunner.Run(source, Options("halt-resume", placement));

        Assert.Equal(["3,BAC,BUY,100,10.5,0", "9,BAC,SELL,200,10.7,0"], FillRows("halt-resume"));
        Assert.Equal(2, summary.RiskRefused);
        Assert.Equal(3, summary.Orders);
        Assert.Equal(2, summary.Commands);
        Assert.Equal(2, summary.CommandsApplied);
        Assert.Equal(0, summary.CommandsRefused);
        Assert.Null(summary.KillSwitch);
    }

    [Fact]
    public void Run_HaltWithoutResume_KillSwitchReasonNamesCommandAndSequence()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 0, 100_000);
        Command(source, """{"command":"halt"}""");
        source.Trade("BAC", 2, 110_000).Trade("BAC", 3, 90_000);

        var summary = BacktestRunner.Run(source, Options("halt"));

        Assert.Equal("operator command halt (seq 1)", summary.KillSwitch);
        Assert.Equal(0, summary.Orders);
        Assert.Equal(2, summary.RiskRefused);
        Assert.Contains("\"commands_applied\": 1", File.ReadAllText(_temp.Combine("halt", "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SetLimitMaxPosition_ClampsLaterOrders()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 0, 100_000);
        Command(source, """{"command":"set_limit","limit":"max_position","symbol":"BAC","value":"50"}""");
        source.Trade("BAC", 2, 110_000)   // up → buy 100, clamped to 50
            .Trade("BAC", 3, 120_000);    // fills 50

        var summary = BacktestRunner.Run(source, Options("limit"));

        Assert.Equal(["3,BAC,BUY,50,12,0"], FillRows("limit"));
        Assert.Equal(1, summary.RiskClamped);
        Assert.Equal(1, summary.CommandsApplied);
    }

    [Fact]
    public void Run_SetLimitPriceBandOfAllSymbols_RefusesOrdersOutsideIt()
    {
        // A 1% band: the fast/slow cross order's reference is the last trade itself, so it stays inside; a band of
        // 0.5% is not a whole percent and is refused, and a max_position of 0 is refused too.
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 0, 100_000);
        Command(source, """{"command":"set_limit","limit":"price_band_percent","value":"0.5"}""");
        Command(source, """{"command":"set_limit","limit":"max_position","value":"0"}""");
        Command(source, """{"command":"set_limit","limit":"price_band_percent","value":"1"}""");
        source.Trade("BAC", 4, 110_000).Trade("BAC", 5, 111_000);

        var summary = BacktestRunner.Run(source, Options("band"));

        Assert.Equal(1, summary.CommandsApplied);
        Assert.Equal(2, summary.CommandsRefused);
        Assert.Equal(["5,BAC,BUY,100,11.1,0"], FillRows("band"));
    }

    [Fact]
    public void RiskStage_SetLimit_ChangesLimitInForce()
    {
        var portfolio = new Portfolio(2);
        var risk = new RiskStage(RiskOptions.Default, new KillSwitch(), portfolio, 2);
        var slot = new PipelineSlot();
        slot.Command = new Core.Tasks.Command { Kind = Core.Tasks.CommandKind.SetLimit, Limit = Core.Tasks.CommandLimit.MaxPosition, Symbol = new Core.Market.SymbolId(1), Value = Quantity.FromUnits(7).Raw };

        risk.OnEvent(slot, 0, true);

        Assert.Equal(Quantity.FromUnits(7), risk.MaxPositionOf(new Core.Market.SymbolId(1)));
        Assert.Equal(RiskOptions.Default.MaxPosition, risk.MaxPositionOf(new Core.Market.SymbolId(0)));
        Assert.True(slot.Envelope.Halted);
    }
}
