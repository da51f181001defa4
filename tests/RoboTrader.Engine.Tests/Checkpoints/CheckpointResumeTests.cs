using System.Text.Json.Nodes;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Checkpoints;

public sealed class CheckpointResumeTests : IDisposable
{
    private const int Frames = 12_000;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ListFrameSource Source(long crashAfter = long.MaxValue)
    {
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), "BAC", "IBM", "SPY") { CrashAfter = crashAfter };
        string[] symbols = ["BAC", "IBM", "SPY"];
        var random = new Random(7);
        var prices = new long[] { 100_000, 1_800_000, 1_600_000 };
        for (var i = 0; i < Frames; i++)
        {
            var s = i % 3;
            if (i % 997 == 0)
            {
                source.Add(symbols[s], FrameFormat.LeanTradeTick, "x,y"); // a dead letter now and then
                continue;
            }

            prices[s] = Math.Max(1_000, prices[s] + random.Next(-300, 301));
            source.Trade(symbols[s], 36_000_000 + i, prices[s], size: 100, suspicious: i % 501 == 0);
        }

        return source;
    }

    private BacktestOptions Options(string name, string placement = "parse|risk,decide,execute|persist", long checkpointEvery = 1000, ExecutionOptions? execution = null)
        => new BacktestOptions(
            _temp.Combine(name, "out"),
            new SmaCrossOptions(2, 5, Quantity.FromUnits(100)),
            execution ?? new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
            RiskOptions.Default,
            new PipelineOptions(1 << 8, WaitStrategyKind.Yielding, StagePlacement.Parse(placement), 1),
            [])
        {
            StateDirectory = _temp.Combine(name, "state"),
            CheckpointEvery = checkpointEvery,
        };

    private string Summary(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(_temp.Combine(name, "out", "summary.json")))!.AsObject();
        json.Remove("elapsed_ms");
        json.Remove("events_per_sec");
        return json.ToJsonString();
    }

    private void AssertSameOutputs(string expected, string actual)
    {
        Assert.Equal(File.ReadAllBytes(_temp.Combine(expected, "out", "fills.csv")), File.ReadAllBytes(_temp.Combine(actual, "out", "fills.csv")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine(expected, "out", "deadletters.jsonl")), File.ReadAllBytes(_temp.Combine(actual, "out", "deadletters.jsonl")));
        foreach (var file in new[] { "trades.csv", "orders.csv", "equity.csv" })
        {
            Assert.Equal(File.ReadAllBytes(_temp.Combine(expected, "out", file)), File.ReadAllBytes(_temp.Combine(actual, "out", file)));
        }

        Assert.Equal(Summary(expected), Summary(actual));
    }

    [Theory]
    [InlineData(3333)]
    [InlineData(8888)]
    public void Run_CrashedWithLatencySlippageFeesAndEquitySamples_OutputsMatchUninterruptedRun(long crashAfter)
    {
        var execution = new ExecutionOptions(new BasisPoints(FixedPoint.Scale))
        {
            LatencyMilliseconds = 3,
            SlippageTicks = 1,
            FeePerShare = new Price(FixedPoint.Scale / 1000),
            FeeMinimum = new Money(FixedPoint.Scale / 2),
            EquityInterval = TimeSpan.FromSeconds(1),
        };
        BacktestRunner.Run(Source(), Options("ref", execution: execution));
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(crashAfter), Options("crash", execution: execution)));
        Assert.NotNull(CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state")));
        BacktestRunner.Run(Source(), Options("crash", execution: execution));

        AssertSameOutputs("ref", "crash");
        Assert.True(File.ReadAllLines(_temp.Combine("ref", "out", "equity.csv")).Length > 10, "the curve should have samples on both sides of the crash");
    }

    [Theory]
    [InlineData(500)] // before the first checkpoint: starts afresh
    [InlineData(1000)]
    [InlineData(4321)]
    [InlineData(11_999)]
    public void Run_CrashedThenRunAgain_OutputsMatchUninterruptedRun(long crashAfter)
    {
        var reference = BacktestRunner.Run(Source(), Options("ref"));
        Assert.True(reference.Fills > 10, "the data must trade");
        Assert.True(reference.DeadLettered > 5, "the data must dead-letter");

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(crashAfter), Options("crash")));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state"));
        if (crashAfter >= 2000)
        {
            Assert.NotNull(manifest); // the run again really resumes
            Assert.True(manifest.Sequence >= 999);
        }

        BacktestRunner.Run(Source(), Options("crash"));

        AssertSameOutputs("ref", "crash");
    }

    [Fact]
    public void Run_CrashedTwice_ResumesFromTheLatestCheckpoint()
    {
        const string fused = "parse,risk,decide,execute,persist";
        BacktestRunner.Run(Source(), Options("ref", fused));

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(2500), Options("twice", fused)));
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(7777), Options("twice", fused)));
        BacktestRunner.Run(Source(), Options("twice", fused));

        AssertSameOutputs("ref", "twice");
    }

    [Fact]
    public void Run_StateOfRunWithOtherOptions_Refused()
    {
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(3000), Options("other")));

        var ex = Assert.Throws<EngineException>(() => BacktestRunner.Run(Source(), Options("other") with { SmaCross = new SmaCrossOptions(3, 5, Quantity.FromUnits(100)) }));

        Assert.Equal(ErrorCode.PersistenceSettingsMismatch, ex.Error.Code);
    }
}
