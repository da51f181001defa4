using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>Binance spot payloads with repo-owned fixtures (the same shapes as the public docs), so the paths run without ../shared.</summary>
public sealed class BinanceParserTests
{
    internal const string Trade = """{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}""";
    internal const string AggTrade = """{"e":"aggTrade","E":1672515782136,"s":"BNBBTC","a":12345,"p":"0.001","q":"100","f":100,"l":105,"T":1672515782136,"m":true,"M":true}""";
    internal const string BookTicker = """{"u":400900217,"s":"BNBUSDT","b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}""";
    internal const string DepthUpdate = """{"e":"depthUpdate","E":1672515782136,"s":"BNBBTC","U":157,"u":160,"b":[["0.0024","10"]],"a":[["0.0026","100"]]}""";

    private readonly ParseChain _chain = new(FrameFormat.BinanceSpot, "BNBBTC", "BNBUSDT");

    [Theory]
    [InlineData(Trade)]
    [InlineData(AggTrade)]
    [InlineData("{\"stream\":\"bnbbtc@trade\",\"data\":" + Trade + "}")]
    [InlineData("{\"data\":" + AggTrade + ",\"stream\":\"bnbbtc@aggTrade\"}")]
    public void Parse_Trade_StrictTrade(string frame)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Trade, slot.Market.Kind);
        Assert.Equal("0.001", slot.Market.Price.ToString());
        Assert.Equal("100", slot.Market.Size.ToString());
        Assert.Equal("2022-12-31T19:43:02.136000Z", EventTime.ToIso(slot.Market.TimeNanos));
    }

    [Theory]
    [InlineData(BookTicker)]
    [InlineData("{\"stream\":\"bnbusdt@bookTicker\",\"data\":" + BookTicker + "}")]
    public void Parse_BookTicker_StrictQuote(string frame)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Quote, slot.Market.Kind);
        Assert.Equal("25.3519", slot.Market.Bid.ToString());
        Assert.Equal("31.21", slot.Market.BidSize.ToString());
        Assert.Equal("25.3652", slot.Market.Ask.ToString());
        Assert.Equal("40.66", slot.Market.AskSize.ToString());
    }

    [Theory]
    [InlineData(DepthUpdate)]
    [InlineData("{\"stream\":\"bnbbtc@depth@100ms\",\"data\":" + DepthUpdate + "}")]
    public void Parse_DepthUpdate_StrictBookUpdate(string frame)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.BookUpdate, slot.Market.Kind);
        Assert.Equal("0.0024", slot.Market.Bid.ToString());
        Assert.Equal("10", slot.Market.BidSize.ToString());
        Assert.Equal("0.0026", slot.Market.Ask.ToString());
    }

    [Fact]
    public void Parse_DepthUpdateWithEmptySide_SideAbsent()
    {
        var slot = _chain.Parse("""{"e":"depthUpdate","E":1672515782136,"s":"BNBBTC","U":1,"u":2,"b":[],"a":[["0.0026","0"]]}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventFlags.NoBid, slot.Market.Flags & MarketEventFlags.NoBid);
        Assert.True(slot.Market.AskSize.IsZero);
    }

    [Theory]
    [InlineData("""{"e":"trade","E":1672515782136,"s":"bnbbtc","p":"0.001","q":"100","T":1672515782136}""")] // lower-case symbol
    [InlineData("""{"e":"trade","E":1672515782136,"s":"BNBBTC","p":0.001,"q":100,"T":1672515782136}""")] // numbers, not strings
    [InlineData("""{"e":"trade","E":1672515782136000,"s":"BNBBTC","p":"0.001","q":"100","T":1672515782136000}""")] // microseconds
    [InlineData("""{"e":"trade","E":1672515782136,"s":"BNBBTC","p":"0.001","q":"100"}""")] // no T: E is used
    [InlineData("""<- {'e':'trade','s':'BNBBTC','p':'1e-3','q':'100','T':1672515782136,} // JSONC""")]
    public void Parse_TolerableTrade_LenientTrade(string frame)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Lenient, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Trade, slot.Market.Kind);
        Assert.Equal("0.001", slot.Market.Price.ToString());
        Assert.Equal("2022-12-31T19:43:02.136000Z", EventTime.ToIso(slot.Market.TimeNanos));
    }

    [Fact]
    public void Parse_StreamNameContradictsEventType_OnlyBasicPartialTrade()
    {
        var slot = _chain.Parse("""{"stream":"bnbbtc@aggTrade","data":{"e":"trade","E":1,"s":"BNBBTC","p":"1","q":"1","T":1}}""");

        Assert.Equal(ParseLevel.Basic, slot.ParseLevel);
        Assert.True(slot.Market.IsPartial);
    }

    [Fact]
    public void Parse_TruncatedTrade_BasicPartialTrade()
    {
        var slot = _chain.Parse(Trade[..80]);

        Assert.Equal(ParseLevel.Basic, slot.ParseLevel);
        Assert.True(slot.Market.IsPartial);
        Assert.Equal("0.001", slot.Market.Price.ToString());
    }

    [Theory]
    [InlineData("""{"e":"trade","E":1,"s":"ETHBTC","p":"0.001","q":"100","T":1}""", ErrorCode.ParseUnknownSymbol)]
    [InlineData("""{"e":"kline","E":1,"s":"BNBBTC","k":{"s":"BNBBTC","o":"0.1"}}""", ErrorCode.ParseUnknownType)]
    [InlineData("""{"e":"24hrTicker","E":1,"s":"BNBBTC","p":"0.0015","c":"0.0025"}""", ErrorCode.ParseUnknownType)]
    [InlineData("""{"stream":"bnbbtc@kline_1m","data":{"e":"kline","s":"BNBBTC"}}""", ErrorCode.ParseUnknownType)]
    [InlineData("""{"e":"trade","E":1,"s":"BNBBTC","p":"-0.001","q":"100","T":1}""", ErrorCode.ParseOutOfRange)]
    public void Parse_NotAParsableTrade_DeadLettered(string frame, ErrorCode strict)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.None, slot.ParseLevel);
        Assert.Equal(strict, slot.ParseError);
    }

    [Theory]
    [InlineData("""{"e":"trade","s":}""", ParseLevel.Strict, ErrorCode.ParseBadSyntax)]
    [InlineData("""{"e":"trade","s":}""", ParseLevel.Lenient, ErrorCode.ParseBadSyntax)]
    [InlineData("{\"e\":\"trade\",\"s\":\"BNBBTC\"", ParseLevel.Strict, ErrorCode.ParseBadSyntax)]
    [InlineData("{\"e\":\"trade\",\"s\":\"BNBBTC\"", ParseLevel.Lenient, ErrorCode.ParseBadSyntax)]
    [InlineData(Trade, ParseLevel.None, ErrorCode.ParseLevelUnsupported)]
    public void Parse_MalformedJsonOrNoLevel_ErrorNotException(string frame, ParseLevel level, ErrorCode expected)
    {
        var e = default(MarketEvent);
        var context = new ParseContext(new SourceDescriptor(new SymbolId(0), FrameFormat.BinanceSpot, default, "UTC", 4, "t", _chain.Symbols));

        Assert.Equal(expected, BinanceParser.Parse(level, System.Text.Encoding.UTF8.GetBytes(frame), context, ref e));
    }
}
