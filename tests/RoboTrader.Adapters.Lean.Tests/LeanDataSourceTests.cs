using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Ingest;
using RoboTrader.TestSupport;

namespace RoboTrader.Adapters.Lean.Tests;

public sealed class LeanDataSourceTests
{
    private static readonly DateOnly s_monday = new(2013, 10, 7);

    [Fact]
    public void Run_EqualTimesAcrossSymbolsAndKinds_OrdersByTimeSymbolTradeBeforeQuoteThenLine()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Trades(root, "AIG", s_monday, "2000,11,1,P,0,0\n3000,12,1,P,0,0");
        LeanFixture.Quotes(root, "AIG", s_monday, "500,21,1,22,1,P,1,0\n2000,23,1,24,1,P,1,0");
        LeanFixture.Trades(root, "BAC", s_monday, "1000,31,1,P,0,0\n2000,32,1,P,0,0\n2000,33,1,P,0,0");
        LeanFixture.Quotes(root, "BAC", s_monday, "1000,41,1,42,1,P,1,0\n2000,43,1,44,1,P,1,0");
        var source = new LeanDataSource(root, ["bac", "Aig"], s_monday, s_monday, LeanResolution.Tick);

        var (registry, frames) = FrameCapture.Collect(source);

        Assert.Equal(
            [
                "500,21,1,22,1,P,1,0", "1000,31,1,P,0,0", "1000,41,1,42,1,P,1,0",
                "2000,11,1,P,0,0", "2000,23,1,24,1,P,1,0", "2000,32,1,P,0,0", "2000,33,1,P,0,0", "2000,43,1,44,1,P,1,0",
                "3000,12,1,P,0,0",
            ],
            frames.Select(f => f.Text));
        Assert.Equal(
            ["AIG/LeanQuoteTick", "BAC/LeanTradeTick", "BAC/LeanQuoteTick", "AIG/LeanTradeTick", "AIG/LeanQuoteTick",
             "BAC/LeanTradeTick", "BAC/LeanTradeTick", "BAC/LeanQuoteTick", "AIG/LeanTradeTick"],
            frames.Select(f => $"{source.Symbols[registry[f.Source].Symbol]}/{registry[f.Source].Format}"));
    }

    [Fact]
    public void RegisterSources_FilesOfOneDay_DescribesEachFileInDeterministicOrder()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Quotes(root, "BAC", s_monday, "1000,41,1,42,1,P,1,0");
        LeanFixture.Trades(root, "BAC", s_monday, "1000,31,1,P,0,0");
        LeanFixture.Trades(root, "AIG", s_monday, "2000,11,1,P,0,0");
        var source = new LeanDataSource(root, ["BAC", "aig"], s_monday, s_monday, LeanResolution.Tick);
        var registry = new SourceRegistry();

        source.RegisterSources(registry);

        Assert.Equal(["AIG", "BAC"], source.Symbols.Tickers);
        Assert.Equal(
            [
                new SourceDescriptor(new(0), FrameFormat.LeanTradeTick, s_monday, "America/New_York", 4, "equity/usa/tick/aig/20131007_trade.zip#20131007_aig_Trade_Tick.csv"),
                new SourceDescriptor(new(1), FrameFormat.LeanTradeTick, s_monday, "America/New_York", 4, "equity/usa/tick/bac/20131007_trade.zip#20131007_bac_Trade_Tick.csv"),
                new SourceDescriptor(new(1), FrameFormat.LeanQuoteTick, s_monday, "America/New_York", 4, "equity/usa/tick/bac/20131007_quote.zip#20131007_bac_Quote_Tick.csv"),
            ],
            registry.All);
        Assert.Equal([new SourceId(0), new SourceId(1), new SourceId(2)], source.Files.Select(f => f.Source));
    }

    [Fact]
    public void Run_MissingFilesAndDays_SkipsThemAndOrdersByDateFirst()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        var friday = new DateOnly(2013, 10, 4);
        var tuesday = new DateOnly(2013, 10, 8);
        LeanFixture.Trades(root, "BAC", friday, "50000000,1,1,P,0,0");
        LeanFixture.Trades(root, "AIG", s_monday, "40000000,2,1,P,0,0");
        LeanFixture.Quotes(root, "BAC", s_monday, "30000000,3,1,4,1,P,1,0");
        LeanFixture.Quotes(root, "AIG", tuesday, "20000000,5,1,6,1,P,1,0");
        var source = new LeanDataSource(root, ["AIG", "BAC", "IBM"], friday, tuesday.AddDays(1), LeanResolution.Tick);

        var (registry, frames) = FrameCapture.Collect(source);

        Assert.Equal(
            ["50000000,1,1,P,0,0", "30000000,3,1,4,1,P,1,0", "40000000,2,1,P,0,0", "20000000,5,1,6,1,P,1,0"],
            frames.Select(f => f.Text));
        Assert.Equal(4, registry.Count);
        Assert.Equal(4, source.Statistics.FilesOpened);
        Assert.Equal([friday, s_monday, s_monday, tuesday], registry.All.Select(d => d.Date));
    }

    [Fact]
    public void Run_LastLineWithoutNewline_IsPublished()
    {
        var frames = RunOneTradeFile("1000,1,1,P,0,0\n2000,2,1,P,0,0");

        Assert.Equal(["1000,1,1,P,0,0", "2000,2,1,P,0,0"], frames);
    }

    [Fact]
    public void Run_CrlfLines_StripsCarriageReturns()
    {
        var frames = RunOneTradeFile("1000,1,1,P,0,0\r\n2000,2,1,P,0,0\r\n3000,3,1,P,0,0\r");

        Assert.Equal(["1000,1,1,P,0,0", "2000,2,1,P,0,0", "3000,3,1,P,0,0"], frames);
    }

    [Fact]
    public void Run_EmptyLines_SkipsAndCountsThem()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Trades(root, "BAC", s_monday, "\n1000,1,1,P,0,0\n\n\r\n2000,2,1,P,0,0\n\n");
        var source = new LeanDataSource(root, ["BAC"], s_monday, s_monday, LeanResolution.Tick);

        var (registry, frames) = FrameCapture.Collect(source);

        Assert.Equal(["1000,1,1,P,0,0", "2000,2,1,P,0,0"], frames.Select(f => f.Text));
        Assert.Equal(4, source.Statistics.EmptyLinesSkipped);
        Assert.Equal(2, source.Statistics.LinesPublished);
        Assert.Equal(2, source.Statistics.LinesPublishedBy(Assert.Single(registry.All.Select((_, i) => new SourceId(i)))));
    }

    [Fact]
    public void Run_InvalidTime_PublishesLineMergedAtPreviousTime()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Trades(root, "BAC", s_monday, "1000,1,1,P,0,0\nx1,2,1,P,0,0\n3000,3,1,P,0,0");
        LeanFixture.Trades(root, "AIG", s_monday, "1500,4,1,P,0,0\n2000,5,1,P,0,0");
        var source = new LeanDataSource(root, ["BAC", "AIG"], s_monday, s_monday, LeanResolution.Tick);

        var (_, frames) = FrameCapture.Collect(source);

        Assert.Equal(
            ["1000,1,1,P,0,0", "x1,2,1,P,0,0", "1500,4,1,P,0,0", "2000,5,1,P,0,0", "3000,3,1,P,0,0"],
            frames.Select(f => f.Text));
        Assert.Equal(1, source.Statistics.LinesWithInvalidTime);
    }

    [Theory]
    [InlineData("1500", false)]
    [InlineData("0001500", false)]
    [InlineData("000000000000000001500", false)] // more than 18 digits: the general parser still reads 1500
    [InlineData("", true)]
    [InlineData("15x0", true)]
    [InlineData("99999999999999999999", true)]   // overflows a long
    public void Run_TimeField_MergesAtItsValueOrAtThePreviousTimeWhenInvalid(string time, bool invalid)
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Trades(root, "BAC", s_monday, $"500,1,1,P,0,0\n{time},2,1,P,0,0");
        LeanFixture.Trades(root, "AIG", s_monday, "1000,4,1,P,0,0\n2000,5,1,P,0,0");
        var source = new LeanDataSource(root, ["BAC", "AIG"], s_monday, s_monday, LeanResolution.Tick);

        var (_, frames) = FrameCapture.Collect(source);

        var line = $"{time},2,1,P,0,0";
        string[] expected = invalid
            ? ["500,1,1,P,0,0", line, "1000,4,1,P,0,0", "2000,5,1,P,0,0"]
            : ["500,1,1,P,0,0", "1000,4,1,P,0,0", line, "2000,5,1,P,0,0"];
        Assert.Equal(expected, frames.Select(f => f.Text));
        Assert.Equal(invalid ? 1 : 0, source.Statistics.LinesWithInvalidTime);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(61)]
    [InlineData(4096)]
    public void Run_SmallChunks_KeepsLinesStraddlingChunkBoundariesIntact(int chunkSize)
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        var random = new Random(7); // only shapes the fixture; the code under test is deterministic
        var lines = new List<string>();
        var csv = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            var line = $"{1000 + i},{new string('7', random.Next(0, 70))},1,P,0,0";
            lines.Add(line);
            csv.Append(line).Append(random.Next(4) == 0 ? "\r\n" : "\n");
            if (random.Next(10) == 0)
            {
                csv.Append('\n');
            }
        }

        LeanFixture.Trades(root, "BAC", s_monday, csv.ToString());
        var source = new LeanDataSource(root, ["BAC"], s_monday, s_monday, LeanResolution.Tick, chunkSize);

        var (_, frames) = FrameCapture.Collect(source);

        Assert.Equal(lines, frames.Select(f => f.Text));
    }

    [Fact]
    public void Run_MinuteBars_MergesTradeAndQuoteBarsWithBarFormats()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Write(root, LeanResolution.Minute, "SPY", s_monday, LeanDataKind.Trade, "34200000,1,2,1,2,100\n34260000,2,2,2,2,200\n");
        LeanFixture.Write(root, LeanResolution.Minute, "SPY", s_monday, LeanDataKind.Quote, "34200000,1,1,1,1,100,3,3,3,3,100");
        LeanFixture.Write(root, LeanResolution.Minute, "BAC", s_monday, LeanDataKind.Quote, "34260000,1,1,1,1,100,3,3,3,3,100");
        LeanFixture.Trades(root, "SPY", s_monday, "1,1,1,P,0,0"); // tick data is not read at minute resolution
        var source = new LeanDataSource(root, ["SPY", "BAC"], s_monday, s_monday, LeanResolution.Minute);

        var (registry, frames) = FrameCapture.Collect(source);

        Assert.Equal(
            ["34200000,1,2,1,2,100", "34200000,1,1,1,1,100,3,3,3,3,100", "34260000,1,1,1,1,100,3,3,3,3,100", "34260000,2,2,2,2,200"],
            frames.Select(f => f.Text));
        Assert.Equal(
            [FrameFormat.LeanTradeBar, FrameFormat.LeanQuoteBar, FrameFormat.LeanQuoteBar, FrameFormat.LeanTradeBar],
            frames.Select(f => registry[f.Source].Format));
        Assert.Equal("equity/usa/minute/spy/20131007_quote.zip#20131007_spy_minute_quote.csv", registry[frames[1].Source].Name);
    }

    [Fact]
    public void Run_Statistics_CountsLinesPerSourceAndFilesOpened()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Trades(root, "BAC", s_monday, "1000,1,1,P,0,0\n2000,2,1,P,0,0\n");
        LeanFixture.Quotes(root, "BAC", s_monday, "1000,1,1,2,1,P,1,0\n\n");
        LeanFixture.Trades(root, "BAC", s_monday.AddDays(1), "1000,1,1,P,0,0");
        var source = new LeanDataSource(root, ["BAC"], s_monday, s_monday.AddDays(1), LeanResolution.Tick);

        FrameCapture.Collect(source);

        Assert.Equal(3, source.Statistics.FilesOpened);
        Assert.Equal(4, source.Statistics.LinesPublished);
        Assert.Equal(1, source.Statistics.EmptyLinesSkipped);
        Assert.Equal([2L, 1L, 1L], source.Files.Select(f => source.Statistics.LinesPublishedBy(f.Source)));
    }

    [Fact]
    public void Constructor_MissingDataRoot_ThrowsConfigurationInvalidNamingTheRoot()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("nowhere");

        var ex = Assert.Throws<EngineException>(() => new LeanDataSource(missing, ["BAC"], s_monday, s_monday, LeanResolution.Tick));

        Assert.Equal(ErrorCode.ConfigurationInvalid, ex.Error.Code);
        Assert.Equal($"data root '{missing}' is not a LEAN data folder: the folder does not exist", ex.Message);
    }

    [Fact]
    public void Constructor_RootWithoutEquityUsa_ThrowsConfigurationInvalidSayingWhatIsMissing()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("equity"));

        var ex = Assert.Throws<EngineException>(() => new LeanDataSource(temp.Path, ["BAC"], s_monday, s_monday, LeanResolution.Tick));

        Assert.Equal(ErrorCode.ConfigurationInvalid, ex.Error.Code);
        Assert.Equal($"data root '{temp.Path}' is not a LEAN data folder: it has no equity/usa folder", ex.Message);
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsConfigurationInvalid()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);

        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataSource(root, [], s_monday, s_monday, LeanResolution.Tick)).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataSource(root, ["B C"], s_monday, s_monday, LeanResolution.Tick)).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataSource(root, ["BAC"], s_monday, s_monday.AddDays(-1), LeanResolution.Tick)).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataSource(root, ["BAC"], s_monday, s_monday, (LeanResolution)9)).Error.Code);
    }

    [Fact]
    public void RegisterSources_FileThatIsNotAZip_ThrowsEngineExceptionNamingTheFile()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        var path = LeanFixture.Trades(root, "BAC", s_monday, "1000,1,1,P,0,0");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("this is not a zip file at all"));
        var source = new LeanDataSource(root, ["BAC"], s_monday, s_monday, LeanResolution.Tick);

        var ex = Assert.Throws<EngineException>(() => source.RegisterSources(new SourceRegistry()));

        Assert.Equal(ErrorCode.MarketDataUnreadable, ex.Error.Code);
        Assert.StartsWith($"LEAN data file '{path}' is unreadable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CorruptCompressedData_ThrowsEngineExceptionNamingTheFile()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        var csv = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"{1000 + i},{i * 7},100,P,0,0"));
        var path = LeanFixture.Trades(root, "BAC", s_monday, csv);
        var bytes = File.ReadAllBytes(path);
        var dataStart = 30 + BitConverter.ToUInt16(bytes, 26) + BitConverter.ToUInt16(bytes, 28); // after the local header
        bytes.AsSpan(dataStart, 64).Fill(0xFF); // a deflate block of the reserved type 3: never valid
        File.WriteAllBytes(path, bytes);
        var source = new LeanDataSource(root, ["BAC"], s_monday, s_monday, LeanResolution.Tick);

        var ex = Assert.Throws<EngineException>(() => FrameCapture.Collect(source));

        Assert.Equal(ErrorCode.MarketDataUnreadable, ex.Error.Code);
        Assert.StartsWith($"LEAN data file '{path}' is unreadable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BeforeRegisterSources_ThrowsInvalidOperation()
    {
        using var temp = new TempDirectory();
        var source = new LeanDataSource(LeanFixture.CreateRoot(temp), ["BAC"], s_monday, s_monday, LeanResolution.Tick);
        var ring = Engine.Ring.RingBuffer<Engine.Pipeline.PipelineSlot>.CreateSingleProducer(() => new(), 16);

        Assert.Throws<InvalidOperationException>(() => source.Run(new IngestStage(ring, new SourceRegistry()), CancellationToken.None));
    }

    [Fact]
    public void Run_ManyMoreLines_AllocatesNothingPerLine()
    {
        using var small = new TempDirectory();
        using var large = new TempDirectory();
        Generate(small.Path, 1_000);
        Generate(large.Path, 100_000);
        Measure(small.Path); // warm-up: statics, first-call paths

        var smallBytes = Measure(small.Path);
        var largeBytes = Measure(large.Path);

        // Same files, ~200,000 more lines: what grows with the lines is at most noise (a line costs nothing).
        Assert.InRange(largeBytes - smallBytes, long.MinValue, 32 * 1024);

        static void Generate(string root, int ticksPerDay) => new LeanDataGenerator(new()
        {
            Symbols = ["BAC", "SPY"],
            From = s_monday,
            To = s_monday,
            TicksPerDay = ticksPerDay,
            Resolutions = [LeanResolution.Tick],
        }).Generate(root);

        static long Measure(string root)
        {
            var source = new LeanDataSource(root, ["BAC", "SPY"], s_monday, s_monday, LeanResolution.Tick);
            var registry = new SourceRegistry();
            source.RegisterSources(registry);
            var ring = Engine.Ring.RingBuffer<Engine.Pipeline.PipelineSlot>.CreateSingleProducer(() => new(), 1 << 10);
            var ingest = new IngestStage(ring, registry); // no consumer gates the ring: the producer laps it freely
            var before = GC.GetAllocatedBytesForCurrentThread();
            source.Run(ingest, CancellationToken.None);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    [Fact]
    public void Run_Cancelled_ReturnsWithoutPublishingEverything()
    {
        using var temp = new TempDirectory();
        new LeanDataGenerator(new() { Symbols = ["BAC"], From = s_monday, To = s_monday.AddDays(1), TicksPerDay = 5_000, Resolutions = [LeanResolution.Tick] })
            .Generate(temp.Path);
        var source = new LeanDataSource(temp.Path, ["BAC"], s_monday, s_monday.AddDays(1), LeanResolution.Tick);
        var registry = new SourceRegistry();
        source.RegisterSources(registry);
        var ring = Engine.Ring.RingBuffer<Engine.Pipeline.PipelineSlot>.CreateSingleProducer(() => new(), 1 << 10);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        source.Run(new IngestStage(ring, registry), cancel.Token);

        Assert.Equal(0, source.Statistics.LinesPublished);
        Assert.Equal(0, source.Statistics.FilesOpened);
    }

    private static List<string> RunOneTradeFile(string csv)
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        LeanFixture.Trades(root, "BAC", s_monday, csv);
        var source = new LeanDataSource(root, ["BAC"], s_monday, s_monday, LeanResolution.Tick);
        return [.. FrameCapture.Collect(source).Frames.Select(f => f.Text)];
    }
}
