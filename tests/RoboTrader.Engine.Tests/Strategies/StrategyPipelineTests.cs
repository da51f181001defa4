using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>
/// mean-reversion and breakout through the whole pipeline (risk → decide → execute → persist) on hand-made streams
/// whose fills are worked out by hand. LEAN rows: prices in 1/10000 dollars.
/// </summary>
public sealed class StrategyPipelineTests : IDisposable
{
    private static readonly DateOnly s_day = new(2013, 10, 7);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private BacktestOptions Options(string name, StrategyKind strategy) => new(
        _temp.Combine(name),
        new SmaCrossOptions(1, 2, Quantity.FromUnits(10)),
        new ExecutionOptions(default),
        RiskOptions.Default,
        new PipelineOptions(1 << 10, WaitStrategyKind.Yielding, StagePlacement.Parse("parse|risk,decide,execute,persist"), 1),
        [])
    {
        Strategy = strategy,
        MeanReversion = new MeanReversionOptions(5, ZScore.FromUnits(2), new ZScore(FixedPoint.Scale / 2), Quantity.FromUnits(10), new Price(FixedPoint.Scale / 100)),
        Breakout = new BreakoutOptions(1, Quantity.FromUnits(100), PriceDistance.Ticks(50), PriceDistance.Ticks(50), new Price(FixedPoint.Scale / 100)),
    };

    /// <summary>fills.csv rows without the time column.</summary>
    private string[] Fills(string name)
        => File.ReadAllLines(_temp.Combine(name, "fills.csv")).Skip(1).Select(r => string.Join(',', r.Split(',').Where((_, i) => i != 1))).ToArray();

    [Fact]
    public void Run_MeanReversion_EntersAtTheDipAndExitsAboveTheMean()
    {
        var source = new ListFrameSource(s_day, "BAC");
        long ms = 34_200_000;
        foreach (var price in new long[] { 100_000, 100_000, 100_000, 100_000, 50_000, 50_000, 90_000, 80_000, 81_000, 81_000 })
        {
            source.Trade("BAC", ms++, price);
        }

        // seq 4: [10,10,10,10,5] z = −2 → buy 10 limit 5; seq 5: the print 5 reaches it (decide leaves it), execute fills at 5.
        // seq 6: 9, z = 0.518 → keep; seq 7: 8, z = 0.291 ≤ 0.5 → sell 10 limit at the mean 7.4.
        // seq 8: 8.1 ≥ 7.4 → filled at the print; seq 9: flat, z = 0.336 → nothing.
        var summary = BacktestRunner.Run(source, Options("mr", StrategyKind.MeanReversion));

        Assert.Equal(["5,BAC,BUY,10,5,0", "8,BAC,SELL,10,8.1,0"], Fills("mr"));
        Assert.Equal(2, summary.Orders);
        Assert.Equal("31", summary.RealizedPnl.ToString());
    }

    [Fact]
    public void Run_Breakout_EntersAtTheNextBarsOpen()
    {
        var source = new ListFrameSource(s_day, "BAC")
            .Bar("BAC", 34_200_000, 100_000, 100_000, 100_000, 100_000)  // 0: the channel: high 10, low 10
            .Bar("BAC", 34_260_000, 100_000, 105_000, 100_000, 105_000)  // 1: close 10.5 > 10 → buy 100, bracket 11 / 10
            .Bar("BAC", 34_320_000, 106_000, 107_000, 104_000, 106_000)  // 2: filled at the open, 10.6
            .Bar("BAC", 34_380_000, 106_000, 108_000, 105_000, 108_000); // 3: long: no new entry

        var summary = BacktestRunner.Run(source, Options("breakout", StrategyKind.Breakout));

        Assert.Equal(["2,BAC,BUY,100,10.6,0"], Fills("breakout"));
        // The entry and the exits its fill released: a take-profit limit at 11 and a stop-loss at 10, neither reached
        // by bar 3 (high 10.8, low 10.5), both cancelled at the end of the data.
        Assert.Equal(3, summary.Orders);
        Assert.Equal(2, summary.OrdersCancelled);
    }
}
