using System.Text.Json;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>
/// Property tests of the parser chain: seeded mutations of valid frames of every format never crash the stage,
/// never trip a parser bug (<see cref="ErrorCode.ParseInternalError"/>), always satisfy
/// <c>ingested = strict + lenient + basic + dead-lettered</c>, and every dead letter holds exactly the input's bytes.
/// </summary>
public sealed class ParseFallbackPropertyTests : IDisposable
{
    private static readonly string[] s_symbols = ["BNBBTC", "BNBUSDT", "SBIN", "SPY"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<FrameFormat, string> ValidFrames() => new()
    {
        { FrameFormat.LeanTradeTick, "14400614,139400,500,P,20002020,0" },
        { FrameFormat.LeanQuoteTick, "14400614,139300,100,139500,200,P,0,0" },
        { FrameFormat.LeanTradeBar, "60000,139400,139900,139100,139500,12000" },
        { FrameFormat.LeanQuoteBar, "60000,139300,139400,139200,139300,100,139500,139600,139400,139500,200" },
        { FrameFormat.JsonLines, """{"type":"trade","symbol":"SPY","time":1700000000123456789,"price":"450.12","size":"100"}""" },
        { FrameFormat.JsonLines, """{"type":"quote","symbol":"SPY","time":1700000000123456789,"bid":"450.10","bid_size":"200","ask":"450.12","ask_size":"300"}""" },
        { FrameFormat.BinanceSpot, BinanceParserTests.Trade },
        { FrameFormat.BinanceSpot, BinanceParserTests.AggTrade },
        { FrameFormat.BinanceSpot, "{\"stream\":\"bnbusdt@bookTicker\",\"data\":" + BinanceParserTests.BookTicker + "}" },
        { FrameFormat.BinanceSpot, BinanceParserTests.DepthUpdate },
        { FrameFormat.TaskInputs, """{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}""" },
        { FrameFormat.TaskInputs, """{"command":"set_limit","limit":"max_position","symbol":"SBIN","value":"1000"}""" },
        { FrameFormat.TaskInputs, "SBIN: bullish, confidence 72%" },
    };

    [Theory]
    [MemberData(nameof(ValidFrames))]
    public void ParseStage_MutatedFrames_NoCrashNoBugEveryFrameCounted(FrameFormat format, string valid)
    {
        var chain = new ParseChain(format, s_symbols);
        var mutator = new FrameMutator(valid.Length * 31 + (int)format);
        var valid0 = chain.Parse(valid);
        Assert.NotEqual(ParseLevel.None, valid0.ParseLevel);

        for (var i = 0; i < 2000; i++)
        {
            var frame = mutator.Mutate(valid);
            var slot = chain.Parse(frame);

            Assert.True(
                slot.ParseError != ErrorCode.ParseInternalError && slot.LenientError != ErrorCode.ParseInternalError && slot.BasicError != ErrorCode.ParseInternalError,
                $"a parser threw on {Convert.ToBase64String(frame)}");
            Assert.Equal(slot.ParseLevel == ParseLevel.None, slot.ParseError != ErrorCode.None);
            Assert.Equal(frame, slot.Frame.ToArray());
        }

        Assert.Equal(2001, chain.Total);
    }

    [Theory]
    [MemberData(nameof(ValidFrames))]
    public void Run_MutatedFrames_InvariantHoldsAndDeadLettersAreTheInputBytes(FrameFormat format, string valid)
    {
        var mutator = new FrameMutator(valid.Length * 17 + (int)format);
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), s_symbols);
        var frames = new List<byte[]>();
        for (var i = 0; i < 300; i++)
        {
            var frame = i % 5 == 0 ? System.Text.Encoding.UTF8.GetBytes(valid) : mutator.Mutate(valid);
            frames.Add(frame);
            source.AddBytes("SPY", format, frame);
        }

        var outDir = _temp.Combine(format + "-" + valid.Length);
        var summary = BacktestRunner.Run(source, new BacktestOptions(
            outDir,
            new SmaCrossOptions(2, 4, Quantity.FromUnits(1)),
            new ExecutionOptions(new BasisPoints(0)),
            RiskOptions.Default,
            new PipelineOptions(1 << 6, WaitStrategyKind.Yielding, StagePlacement.Default),
            []));

        Assert.Equal(frames.Count, summary.Events);
        Assert.Equal(summary.Events, summary.ParsedStrict + summary.ParsedLenient + summary.ParsedBasic + summary.DeadLettered);
        Assert.Equal(0, summary.StageFaults);
        Assert.True(summary.ParsedStrict + summary.ParsedLenient + summary.ParsedBasic >= 60, "the unmutated frames parse");
        var letters = File.ReadAllLines(Path.Combine(outDir, "deadletters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(summary.DeadLettered, letters.Count);
        foreach (var letter in letters)
        {
            var seq = letter.GetProperty("seq").GetInt64();
            Assert.Equal(frames[(int)seq], letter.GetProperty("frame_base64").GetBytesFromBase64());
            Assert.Equal(3, letter.GetProperty("levels").GetArrayLength());
        }
    }
}
