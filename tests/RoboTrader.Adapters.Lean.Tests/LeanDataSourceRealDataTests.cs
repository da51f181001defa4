using System.Diagnostics;
using RoboTrader.Engine.Ingest;
using RoboTrader.TestSupport;
using Xunit.Abstractions;

namespace RoboTrader.Adapters.Lean.Tests;

[Collection(RealLeanDataCollection.Name)]
public sealed class LeanDataSourceRealDataTests(RealLeanDataFixture data, ITestOutputHelper output) : IClassFixture<RealLeanDataFixture>
{
    [LeanDataFact]
    public void RegisterSources_RealTickData_RegistersEveryFileOfTheWeek()
    {
        var source = RealLeanDataFixture.TickSource();
        var registry = new SourceRegistry();

        source.RegisterSources(registry);

        Assert.Equal(35, registry.Count); // AIG, BAC, IBM trades + quotes, SPY trades only, 5 days
        Assert.Equal(5, registry.All.Count(d => d.Symbol == SymbolOf(source, "SPY")));
        Assert.All(registry.All.Where(d => d.Symbol == SymbolOf(source, "SPY")), d => Assert.Equal(FrameFormat.LeanTradeTick, d.Format));
        Assert.Equal("equity/usa/tick/aig/20131007_trade.zip#20131007_aig_Trade_Tick.csv", registry.All[0].Name);
    }

    [LeanDataFact]
    public void Run_RealTickData_LinesPerFileEqualIndependentCount()
    {
        var run = data.Ticks;

        Assert.All(run.Source.Files, file =>
        {
            var expected = data.IndependentCount(file.ZipPath);
            Assert.True(expected > 0, file.Name);
            Assert.Equal(expected, run.Source.Statistics.LinesPublishedBy(file.Source));
            Assert.Equal(expected, run.Handler.FramesOf(file.Source));
        });
        Assert.Equal(35, run.Source.Statistics.FilesOpened);
    }

    [LeanDataFact]
    public void Run_RealTickData_MergeKeysNeverDecrease()
    {
        var run = data.Ticks;

        Assert.True(run.Handler.Frames > 0);
        Assert.Null(run.Handler.FirstViolation);
        Assert.Equal(0, run.Handler.Violations);
    }

    [LeanDataFact]
    public void Run_RealTickData_TotalFramesEqualSumOfIndependentCounts()
    {
        var run = data.Ticks;
        var expected = run.Source.Files.Sum(f => data.IndependentCount(f.ZipPath));

        output.WriteLine($"{expected:N0} lines in {run.Source.Files.Count} files; merged run with order check: {run.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(expected, run.Handler.Frames);
        Assert.Equal(expected, run.Source.Statistics.LinesPublished);
    }

    [LeanDataFact]
    public void Run_RealTickData_ReportsThroughput()
    {
        _ = data.Ticks; // a first run (shared with the other tests) warms the JIT and the file cache
        var source = RealLeanDataFixture.TickSource();
        var registry = new SourceRegistry();
        source.RegisterSources(registry);

        var stopwatch = Stopwatch.StartNew();
        var counter = FrameCapture.Run(source, registry, new CountingHandler(), 1 << 14);
        var elapsed = stopwatch.Elapsed;

        output.WriteLine(
            $"LeanDataSource.Run, 4 symbols x 5 days of ticks: {counter.Frames:N0} lines, {counter.Bytes / 1e6:F0} MB in {elapsed.TotalSeconds:F2} s = "
            + $"{counter.Frames / elapsed.TotalSeconds / 1e6:F2} M lines/s ({counter.Bytes / 1e6 / elapsed.TotalSeconds:F0} MB/s of CSV)");
        Assert.Equal(source.Statistics.LinesPublished, counter.Frames);
    }

    [LeanDataFact]
    public void Run_RealMinuteData_LinesPerFileEqualIndependentCount()
    {
        var source = new LeanDataSource(RealLeanDataFixture.Root, ["spy", "bac"], new(2013, 10, 4), new(2013, 10, 11), LeanResolution.Minute);
        var registry = new SourceRegistry();
        source.RegisterSources(registry);

        var handler = FrameCapture.Run(source, registry, new MergeOrderCheckingHandler(registry));

        Assert.Equal(24, registry.Count); // 6 trading days x 2 symbols x trade + quote bars
        Assert.Null(handler.FirstViolation);
        Assert.All(source.Files, f => Assert.Equal(data.IndependentCount(f.ZipPath), handler.FramesOf(f.Source)));
        Assert.Equal(source.Files.Sum(f => data.IndependentCount(f.ZipPath)), handler.Frames);
    }

    private static Engine.Core.Market.SymbolId SymbolOf(LeanDataSource source, string ticker)
        => source.Symbols.TryGet(ticker, out var id) ? id : throw new ArgumentException(ticker);
}
