using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>The engine's generic JSON-lines schema for trades and quotes, level by level.</summary>
public sealed class JsonLinesParserTests
{
    private readonly ParseChain _chain = new(FrameFormat.JsonLines, "SPY", "AAPL");

    [Fact]
    public void Parse_StrictTrade_StrictLevel()
    {
        var slot = _chain.Parse("""{"type":"trade","symbol":"SPY","time":1700000000123456789,"price":"450.12","size":100}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Trade, slot.Market.Kind);
        Assert.Equal(_chain.Symbols.TryGet("SPY", out var spy) ? spy : default, slot.Market.Symbol);
        Assert.Equal("450.12", slot.Market.Price.ToString());
        Assert.Equal("100", slot.Market.Size.ToString());
        Assert.Equal(1700000000123456789, slot.Market.TimeNanos);
        Assert.False(slot.Market.IsPartial);
    }

    [Fact]
    public void Parse_StrictQuote_StrictLevel()
    {
        var slot = _chain.Parse("""{"type":"quote","symbol":"AAPL","time":1,"bid":"189.5","bid_size":"200","ask":189.52,"ask_size":"300"}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Quote, slot.Market.Kind);
        Assert.Equal("189.5", slot.Market.Bid.ToString());
        Assert.Equal("189.52", slot.Market.Ask.ToString());
        Assert.Equal("300", slot.Market.AskSize.ToString());
    }

    [Theory]
    [InlineData("""{"Type":"trade","Symbol":"spy","TS":1700000000123,"Price":"450.12","Qty":"100"}""")]
    [InlineData("""{"symbol":"SPY","price":4.5012e2,"size":"1e2","time":"1700000000123"}""")]
    [InlineData("""trade at 10:00 -> {'symbol':'SPY','price':'450.12','size':100,'time':1700000000123} (delayed)""")]
    [InlineData("""{"type":"TRADE","symbol":" SPY ","time":1700000000123000,"price":"450.12","size":"100","venue":{"id":7}, /* note */ }""")]
    public void Parse_TolerableTrade_LenientLevel(string line)
    {
        var slot = _chain.Parse(line);

        Assert.Equal(ParseLevel.Lenient, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Trade, slot.Market.Kind);
        Assert.Equal("450.12", slot.Market.Price.ToString());
        Assert.Equal("2023-11-14T22:13:20.123000Z", EventTime.ToIso(slot.Market.TimeNanos));
    }

    [Fact]
    public void Parse_LenientQuoteWithAliasesAndNoSizes_Quote()
    {
        var slot = _chain.Parse("""{"sym":"aapl","bidPrice":"189.5","askPrice":"189.52","t":1700000000}""");

        Assert.Equal(ParseLevel.Lenient, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Quote, slot.Market.Kind);
        Assert.Equal("189.5", slot.Market.Bid.ToString());
        Assert.True(slot.Market.BidSize.IsZero);
    }

    [Theory]
    [InlineData("symbol=SPY price=450.12 size=?? (feed glitch")]
    [InlineData("""{"symbol":"SPY","price":"450.12","size":"ten"}""")]
    public void Parse_OnlySymbolAndPrice_BasicPartialTrade(string line)
    {
        var slot = _chain.Parse(line);

        Assert.Equal(ParseLevel.Basic, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Trade, slot.Market.Kind);
        Assert.True(slot.Market.IsPartial);
        Assert.Equal("450.12", slot.Market.Price.ToString());
    }

    [Theory]
    [InlineData("""{"type":"trade","symbol":"MSFT","time":1,"price":"1","size":"1"}""", ErrorCode.ParseUnknownSymbol, ErrorCode.ParseUnknownSymbol, ErrorCode.ParseUnknownSymbol)]
    [InlineData("""{"type":"trade","symbol":"SPY","time":1,"price":"-1","size":"1"}""", ErrorCode.ParseOutOfRange, ErrorCode.ParseOutOfRange, ErrorCode.ParseOutOfRange)]
    [InlineData("hello world", ErrorCode.ParseBadSyntax, ErrorCode.ParseBadSyntax, ErrorCode.ParseMissingField)]
    [InlineData("""{"type":"candle","symbol":"SPY","time":1,"open":"1"}""", ErrorCode.ParseUnknownType, ErrorCode.ParseUnknownType, ErrorCode.ParseMissingField)]
    public void Parse_Unparseable_DeadLetteredWithEachLevelsReason(string line, ErrorCode strict, ErrorCode lenient, ErrorCode basic)
    {
        var slot = _chain.Parse(line);

        Assert.Equal(ParseLevel.None, slot.ParseLevel);
        Assert.Equal((strict, lenient, basic), (slot.ParseError, slot.LenientError, slot.BasicError));
        Assert.Equal(MarketEventKind.None, slot.Market.Kind);
        Assert.Equal(1, _chain.Stage.DeadLettered);
    }

    [Theory]
    [InlineData("""{"type":"trade","symbol":"SPY","time":1,"price":"1","size":"1","extra":1}""", ErrorCode.ParseUnexpectedField)]
    [InlineData("""{"type":"trade","symbol":"SPY","time":1,"price":"1"}""", ErrorCode.ParseMissingField)]
    [InlineData("""{"type":"trade","symbol":"spy","time":1,"price":"1","size":"1"}""", ErrorCode.ParseUnknownSymbol)]
    [InlineData("""{"type":"trade","symbol":"SPY","time":1,"price":"1e2","size":"1"}""", ErrorCode.ParseBadNumber)]
    [InlineData("""{"type":"trade","symbol":"SPY","time":"1","price":"1","size":"1"}""", ErrorCode.ParseBadNumber)]
    [InlineData("""{"type":"trade","symbol":"SPY","time":1,"price":"1","size":"1"} x""", ErrorCode.ParseBadSyntax)]
    [InlineData("""{"type":"trade","type":"trade","symbol":"SPY","time":1,"price":"1","size":"1"}""", ErrorCode.ParseUnexpectedField)]
    public void ParseStrict_OffSchema_Error(string line, ErrorCode expected)
    {
        var e = default(MarketEvent);
        var context = new ParseContext(new SourceDescriptor(new SymbolId(0), FrameFormat.JsonLines, default, "UTC", 4, "t", _chain.Symbols));

        Assert.Equal(expected, JsonLinesParser.Parse(ParseLevel.Strict, System.Text.Encoding.UTF8.GetBytes(line), context, ref e));
    }
}
