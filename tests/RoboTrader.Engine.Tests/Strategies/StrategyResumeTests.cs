using System.Text.Json.Nodes;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>
/// mean-reversion and breakout through the whole pipeline: a run that crashes and is run again resumes from its
/// checkpoint to byte-identical outputs; breakout refuses trade ticks at start-up.
/// </summary>
public sealed class StrategyResumeTests : IDisposable
{
    private const int Frames = 9_000;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Two symbols' random walks, as trade ticks or as one-minute trade bars (LEAN prices: 1/10000 dollars).</summary>
    private static ListFrameSource Source(bool bars, long crashAfter = long.MaxValue)
    {
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), "BAC", "SPY") { CrashAfter = crashAfter };
        string[] symbols = ["BAC", "SPY"];
        var random = new Random(31);
        var prices = new long[] { 150_000, 1_700_000 };
        for (var i = 0; i < Frames; i++)
        {
            var s = i % 2;
            var open = prices[s];
            var close = Math.Max(1_000, open + (random.Next(-60, 61) * 100));
            prices[s] = close;
            if (bars)
            {
                source.Bar(symbols[s], 60_000 * (i / 2), open, Math.Max(open, close) + (random.Next(0, 4) * 100), Math.Min(open, close) - (random.Next(0, 4) * 100), close);
            }
            else
            {
                source.Trade(symbols[s], 34_200_000 + i, close);
            }
        }

        return source;
    }

    private BacktestOptions Options(string name, StrategyKind strategy) => new BacktestOptions(
        _temp.Combine(name, "out"),
        new SmaCrossOptions(2, 5, Quantity.FromUnits(100)),
        new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
        RiskOptions.Default,
        new PipelineOptions(1 << 8, WaitStrategyKind.Yielding, StagePlacement.Parse("parse|risk,decide,execute|persist"), 1),
        [])
    {
        Strategy = strategy,
        MeanReversion = new MeanReversionOptions(30, ZScore.FromUnits(2), new ZScore(FixedPoint.Scale / 2), Quantity.FromUnits(100), new Price(FixedPoint.Scale / 100)),
        Breakout = new BreakoutOptions(10, Quantity.FromUnits(100), PriceDistance.Ticks(20), PriceDistance.Ticks(10), new Price(FixedPoint.Scale / 100)),
        StateDirectory = _temp.Combine(name, "state"),
        CheckpointEvery = 1_000,
    };

    private string Output(string name, string file) => File.ReadAllText(_temp.Combine(name, "out", file));

    private string Summary(string name)
    {
        var json = JsonNode.Parse(Output(name, "summary.json"))!.AsObject();
        json.Remove("elapsed_ms");
        json.Remove("events_per_sec");
        return json.ToJsonString();
    }

    [Theory]
    [InlineData(StrategyKind.MeanReversion, false, 4_321, 100)]
    // Until execute attaches the bracket's exits (#6, exchange), a breakout entry is held to the end: one per symbol.
    [InlineData(StrategyKind.Breakout, true, 6_100, 2)]
    public void Run_CrashedThenRunAgain_OutputsMatchUninterruptedRun(StrategyKind strategy, bool bars, long crashAfter, long minOrders)
    {
        var reference = BacktestRunner.Run(Source(bars), Options("ref", strategy));
        Assert.True(reference.Orders >= minOrders, $"the data must trade ({reference.Orders} orders)");

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(bars, crashAfter), Options("crash", strategy)));
        Assert.NotNull(RoboTrader.Engine.Checkpoints.CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state")));
        BacktestRunner.Run(Source(bars), Options("crash", strategy));

        Assert.Equal(Output("ref", "fills.csv"), Output("crash", "fills.csv"));
        Assert.Equal(Summary("ref"), Summary("crash"));
    }

    [Fact]
    public void Run_BreakoutOnTradeTicks_RefusedWithAConfigurationError()
    {
        var error = Assert.Throws<EngineException>(() => BacktestRunner.Run(Source(bars: false), Options("ticks", StrategyKind.Breakout)));

        Assert.Equal(ErrorCode.ConfigurationInvalid, error.Error.Code);
        Assert.Equal(BreakoutOptions.TickInputMessage, error.Message);
    }
}
