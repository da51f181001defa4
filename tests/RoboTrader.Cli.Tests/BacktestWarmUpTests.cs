using RoboTrader.Adapters.Lean;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>The warm-up backtest that compiles a run's code ahead: it runs, cleans up, and leaves the run's outputs as they were.</summary>
public sealed class BacktestWarmUpTests : IDisposable
{
    private static readonly DateOnly s_day = new(2024, 1, 9);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_ItsOwnSmallBacktest_JournaledWithStateAndItsFolderRemoved(bool state)
    {
        var before = WarmUpFolders();

        var summary = BacktestWarmUp.Run(Options("run", state), LeanResolution.Tick);

        Assert.True(summary.Events > 0);
        Assert.Equal(state ? summary.Events : 0, summary.Journaled);
        Assert.Equal(before, WarmUpFolders());
        Assert.False(Directory.Exists(_temp.Combine("run"))); // the run's own folders are not touched
        Assert.False(Directory.Exists(_temp.Combine("run-state")));
    }

    [Fact]
    public void Run_WithAWarmUp_OutputsByteIdenticalToARunWithout()
    {
        var data = _temp.Combine("data");
        new LeanDataGenerator(new LeanGeneratorOptions { Symbols = ["aaa", "bbb"], From = s_day, To = s_day, TicksPerDay = 3_000 }).Generate(data);
        var warm = Options("warm", state: true);

        var warmUp = BacktestWarmUp.Start(warm, LeanResolution.Tick);
        Assert.NotNull(warmUp);

        BacktestRunner.Run(Source(data), warm with { WarmUp = warmUp });
        BacktestRunner.Run(Source(data), Options("cold", state: true));

        Assert.True(File.ReadAllLines(Path.Combine(_temp.Combine("cold"), "fills.csv")).Length > 10); // it traded
        foreach (var file in new[] { "fills.csv", "orders.csv", "trades.csv", "equity.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.Combine("cold"), file)), File.ReadAllBytes(Path.Combine(_temp.Combine("warm"), file)));
        }
    }

    [Fact]
    public void Start_TurnedOff_NoWarmUp()
    {
        var previous = Environment.GetEnvironmentVariable(BacktestWarmUp.Variable);
        try
        {
            Environment.SetEnvironmentVariable(BacktestWarmUp.Variable, "OFF");
            Assert.Null(BacktestWarmUp.Start(Options("off", state: true), LeanResolution.Tick));
        }
        finally
        {
            Environment.SetEnvironmentVariable(BacktestWarmUp.Variable, previous);
        }
    }

    [Fact]
    public void RemoveStale_FoldersOfGoneProcesses_RemovedOthersKept()
    {
        var temp = _temp.Combine("tmp");
        int gone;
        using (var exited = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            exited.WaitForExit();
            gone = exited.Id;
        }

        string[] names = [$"{BacktestWarmUp.FolderPrefix}{gone}-abc", $"{BacktestWarmUp.FolderPrefix}{Environment.ProcessId}-def", $"{BacktestWarmUp.FolderPrefix}x-1", "other-1-2"];
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.Combine(temp, name, "state"));
        }

        BacktestWarmUp.RemoveStale(temp);

        Assert.Equal(names[1..].Order(StringComparer.Ordinal), Directory.GetDirectories(temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Start_RunWithoutState_NoWarmUp()
        => Assert.Null(BacktestWarmUp.Start(Options("stateless", state: false), LeanResolution.Tick));

    private static LeanDataSource Source(string data) => new(data, ["aaa", "bbb"], s_day, s_day, LeanResolution.Tick);

    private static string[] WarmUpFolders()
        => [.. Directory.GetDirectories(Path.GetTempPath(), $"{BacktestWarmUp.FolderPrefix}{Environment.ProcessId}-*").Order(StringComparer.Ordinal)];

    private BacktestOptions Options(string name, bool state)
        => new BacktestOptions(
            _temp.Combine(name),
            new SmaCrossOptions(5, 20, Quantity.FromUnits(100)),
            new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
            RiskOptions.Default,
            new PipelineOptions(1 << 10, WaitStrategyKind.Yielding, StagePlacement.Default),
            []) with { StateDirectory = state ? _temp.Combine(name + "-state") : null, CheckpointEvery = state ? 500 : 0 };
}
