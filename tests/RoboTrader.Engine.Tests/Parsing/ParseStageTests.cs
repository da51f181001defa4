using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Tests.Support;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>The parse stage's chain: level order, counts per source and format, resets, and a strict path that allocates nothing.</summary>
public sealed class ParseStageTests
{
    private static readonly DateOnly s_day = new(2013, 10, 7);

    [Fact]
    public void OnEvent_LevelsAndSources_CountedPerSourceAndFormat()
    {
        var symbols = new SymbolTable(["SPY", "BNBBTC"]);
        var registry = new SourceRegistry();
        var lean = registry.Register(new SourceDescriptor(new SymbolId(1), FrameFormat.LeanTradeTick, s_day, "America/New_York", 4, "lean", symbols));
        var binance = registry.Register(new SourceDescriptor(SymbolId.None, FrameFormat.BinanceSpot, s_day, "UTC", 8, "binance", symbols));
        var stage = new ParseStage(registry);
        stage.Prepare();
        var slot = new PipelineSlot();
        long seq = 0;
        void Feed(SourceId source, string frame)
        {
            slot.Kind = SlotKind.Frame;
            slot.Source = source;
            slot.SetFrame(Encoding.UTF8.GetBytes(frame));
            stage.OnEvent(slot, seq++, true);
        }

        Feed(lean, "1,139400,500,P,0,0");
        Feed(lean, "1,13.94,500");
        Feed(lean, "1,139400,x");
        Feed(lean, "nope");
        Feed(binance, BinanceParserTests.Trade);
        Feed(binance, "{}");

        Assert.Equal(1, stage.Count(lean, ParseLevel.Strict));
        Assert.Equal(1, stage.Count(lean, ParseLevel.Lenient));
        Assert.Equal(1, stage.Count(lean, ParseLevel.Basic));
        Assert.Equal(1, stage.Count(lean, ParseLevel.None));
        Assert.Equal(1, stage.Count(FrameFormat.BinanceSpot, ParseLevel.Strict));
        Assert.Equal(1, stage.Count(FrameFormat.BinanceSpot, ParseLevel.None));
        Assert.Equal((2, 1, 1, 2), (stage.ParsedStrict, stage.ParsedLenient, stage.ParsedBasic, stage.DeadLettered));
        Assert.Equal(4, stage.Parsed(MarketEventKind.Trade));
    }

    [Fact]
    public void OnEvent_UnknownSource_DeadLetteredAtEveryLevel()
    {
        var chain = new ParseChain(FrameFormat.JsonLines, "SPY");
        var slot = new PipelineSlot { Kind = SlotKind.Frame, Source = new SourceId(7) };
        slot.SetFrame("x"u8);

        chain.Stage.OnEvent(slot, 0, true);

        Assert.Equal((ErrorCode.ParseUnknownSource, ErrorCode.ParseUnknownSource, ErrorCode.ParseUnknownSource), (slot.ParseError, slot.LenientError, slot.BasicError));
        Assert.Equal(1, chain.Stage.DeadLettered);
    }

    [Fact]
    public void OnEvent_SlotReusedAfterDeadLetter_ErrorsCleared()
    {
        var chain = new ParseChain(FrameFormat.JsonLines, "SPY");
        Assert.Equal(ParseLevel.None, chain.Parse("garbage").ParseLevel);

        var slot = chain.Parse("""{"type":"trade","symbol":"SPY","time":1,"price":"1","size":"1"}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal((ErrorCode.None, ErrorCode.None, ErrorCode.None), (slot.ParseError, slot.LenientError, slot.BasicError));
    }

    public static TheoryData<FrameFormat, string> StrictFrames() => new()
    {
        { FrameFormat.LeanTradeTick, "14400614,139400,500,P,20002020,0" },
        { FrameFormat.JsonLines, """{"type":"trade","symbol":"SPY","time":1700000000123456789,"price":"450.12","size":"100"}""" },
        { FrameFormat.BinanceSpot, "{\"stream\":\"bnbusdt@bookTicker\",\"data\":" + BinanceParserTests.BookTicker + "}" },
        { FrameFormat.BinanceSpot, BinanceParserTests.DepthUpdate },
        { FrameFormat.TaskInputs, """{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}""" },
    };

    [Theory]
    [MemberData(nameof(StrictFrames))]
    public void OnEvent_StrictFrame_AllocatesNothing(FrameFormat format, string frame)
    {
        var chain = new ParseChain(format, "SPY", "BNBBTC", "BNBUSDT", "SBIN");
        var bytes = Encoding.UTF8.GetBytes(frame);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(ParseLevel.Strict, chain.Parse(bytes).ParseLevel);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            chain.Parse(bytes);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 10_000, $"{allocated} bytes for 10,000 strict frames");
    }
}
