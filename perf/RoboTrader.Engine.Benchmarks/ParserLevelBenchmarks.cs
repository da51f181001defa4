using System.Text;
using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// Throughput and allocation of each parser level of each format, on a frame that level accepts (the setup refuses a
/// case whose frame its level does not parse, so a figure is never the cost of a failure). Strict must allocate 0 B.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class ParserLevelBenchmarks
{
    private const int Frames = 100_000;

    private static readonly Dictionary<string, (FrameFormat Format, ParseLevel Level, string Frame)> s_cases = new()
    {
        ["lean-trade/strict"] = (FrameFormat.LeanTradeTick, ParseLevel.Strict, "14400614,139400,500,P,20002020,0"),
        ["lean-trade/lenient"] = (FrameFormat.LeanTradeTick, ParseLevel.Lenient, " 14400614, 13.94 ,500,P,20002020,0 "),
        ["lean-trade/basic"] = (FrameFormat.LeanTradeTick, ParseLevel.Basic, "14400614,139400"),
        ["jsonl/strict"] = (FrameFormat.JsonLines, ParseLevel.Strict, """{"type":"trade","symbol":"SPY","time":1700000000123456789,"price":"450.12","size":"100"}"""),
        ["jsonl/lenient"] = (FrameFormat.JsonLines, ParseLevel.Lenient, """{"Type":"trade","Symbol":"spy","TS":1700000000123,"Price":"450.12","Qty":"100"}"""),
        ["jsonl/basic"] = (FrameFormat.JsonLines, ParseLevel.Basic, "symbol: SPY price: 450.12"),
        ["binance/strict"] = (FrameFormat.BinanceSpot, ParseLevel.Strict, """{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}"""),
        ["binance/lenient"] = (FrameFormat.BinanceSpot, ParseLevel.Lenient, "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"bnbbtc\",\"t\":12345,\"p\":0.001,\"q\":\"100\",\"T\":1672515782136, // noise\n}"),
        ["binance/basic"] = (FrameFormat.BinanceSpot, ParseLevel.Basic, "\"s\":\"BNBBTC\",\"p\":\"0.001\" ..."),
        ["signals/strict"] = (FrameFormat.TaskInputs, ParseLevel.Strict, """{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}"""),
        ["signals/lenient"] = (FrameFormat.TaskInputs, ParseLevel.Lenient, """Analyst note: {'ticker':'SBIN','signal':'bullish','confidence':'72%'} end"""),
        ["signals/basic"] = (FrameFormat.TaskInputs, ParseLevel.Basic, "SBIN: bullish, confidence 72%"),
    };

    private byte[] _frame = [];
    private ParseContext _context = null!;
    private ParseLevel _level;
    private readonly PipelineSlot _slot = new();

    [Params("lean-trade/strict", "lean-trade/lenient", "lean-trade/basic", "jsonl/strict", "jsonl/lenient", "jsonl/basic",
        "binance/strict", "binance/lenient", "binance/basic", "signals/strict", "signals/lenient", "signals/basic")]
    public string Case { get; set; } = "lean-trade/strict";

    [GlobalSetup]
    public void Setup()
    {
        var (format, level, frame) = s_cases[Case];
        var symbols = new SymbolTable(["SPY", "BNBBTC", "SBIN"]);
        _context = new ParseContext(new SourceDescriptor(new SymbolId(0), format, new DateOnly(2013, 10, 7), "America/New_York", 4, Case, symbols));
        _frame = Encoding.UTF8.GetBytes(frame);
        _level = level;
        var error = FrameParsers.Parse(level, _frame, _context, _slot);
        if (error != ErrorCode.None)
        {
            throw new InvalidOperationException($"{Case}: the {level} level does not parse its benchmark frame ({error})");
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public ErrorCode ParseFrame()
    {
        var error = ErrorCode.None;
        for (var i = 0; i < Frames; i++)
        {
            error = FrameParsers.Parse(_level, _frame, _context, _slot);
        }

        return error;
    }
}
