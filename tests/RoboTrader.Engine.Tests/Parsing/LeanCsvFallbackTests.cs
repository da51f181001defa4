using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>The lenient and basic levels of LEAN CSV rows.</summary>
public sealed class LeanCsvFallbackTests
{
    private static readonly DateOnly s_day = new(2013, 10, 7);

    private static ParseContext Context(FrameFormat format)
        => new(new SourceDescriptor(new SymbolId(3), format, s_day, "America/New_York", 4, "test"));

    private static (ErrorCode Error, MarketEvent Event) Lenient(FrameFormat format, string line)
    {
        var e = default(MarketEvent);
        var error = LeanCsvParser.ParseLenient(Encoding.UTF8.GetBytes(line), Context(format), ref e);
        return (error, e);
    }

    private static (ErrorCode Error, MarketEvent Event) Basic(FrameFormat format, string line)
    {
        var e = default(MarketEvent);
        var error = LeanCsvParser.ParseBasic(Encoding.UTF8.GetBytes(line), Context(format), ref e);
        return (error, e);
    }

    private static ErrorCode Strict(FrameFormat format, string line)
    {
        var e = default(MarketEvent);
        return LeanCsvParser.Parse(Encoding.UTF8.GetBytes(line), Context(format), ref e);
    }

    [Theory]
    [InlineData("14400614,139400,500,P,20002020,0\r\n")]
    [InlineData("  14400614 , 139400 , 500 , P , 20002020 , 0 ")]
    [InlineData("\uFEFF14400614,139400,500,P,20002020,0")]
    [InlineData("14400614,13.94,500,P,20002020,0")]
    [InlineData("14400614,1.394e1,500.0,P,20002020,false")]
    [InlineData("14400614,139400,500")]
    public void ParseLenient_TolerableTradeRow_ParsesWhereStrictFails(string line)
    {
        var (error, e) = Lenient(FrameFormat.LeanTradeTick, line);

        Assert.NotEqual(ErrorCode.None, Strict(FrameFormat.LeanTradeTick, line));
        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.Trade, e.Kind);
        Assert.Equal("13.94", e.Price.ToString());
        Assert.Equal("500", e.Size.ToString());
        Assert.Equal(new SymbolId(3), e.Symbol);
        Assert.False(e.IsSuspicious);
    }

    [Fact]
    public void ParseLenient_StrictRow_SameEventAsStrict()
    {
        const string line = "14400614,139400,500,P,20002020,1";
        var strict = default(MarketEvent);
        Assert.Equal(ErrorCode.None, LeanCsvParser.Parse(Encoding.ASCII.GetBytes(line), Context(FrameFormat.LeanTradeTick), ref strict));

        var (error, lenient) = Lenient(FrameFormat.LeanTradeTick, line);

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(strict, lenient);
    }

    [Fact]
    public void ParseLenient_QuoteWithDecimalPricesAndNoTail_Quote()
    {
        var (error, e) = Lenient(FrameFormat.LeanQuoteTick, "14400614, 13.93 ,100,13.95,200\r");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.Quote, e.Kind);
        Assert.Equal("13.93", e.Bid.ToString());
        Assert.Equal("13.95", e.Ask.ToString());
        Assert.Equal("200", e.AskSize.ToString());
    }

    [Fact]
    public void ParseLenient_TradeBarWithDecimalPrices_Bar()
    {
        var (error, e) = Lenient(FrameFormat.LeanTradeBar, "60000, 13.9,14.1,13.8,14.0, 1000 ");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.TradeBar, e.Kind);
        Assert.Equal("14", e.Price.ToString());
        Assert.Equal("13.8", e.Low.ToString());
    }

    [Theory]
    [InlineData("14400614,-13.94,500", ErrorCode.ParseOutOfRange)]
    [InlineData("14400614,-139400,500", ErrorCode.ParseOutOfRange)]
    [InlineData("14400614,NaN,500", ErrorCode.ParseBadNumber)]
    [InlineData("14400614,13.94", ErrorCode.ParseFieldCount)]
    [InlineData("86400000,139400,500", ErrorCode.ParseOutOfRange)]
    [InlineData("", ErrorCode.ParseBadFrame)]
    [InlineData(" \r\n", ErrorCode.ParseBadFrame)]
    [InlineData("14400614,139400,500,P,0,0,extra", ErrorCode.ParseFieldCount)]
    [InlineData("14400614,139400,500,P,zz,0", ErrorCode.ParseBadNumber)]
    public void ParseLenient_IntolerableTradeRow_Error(string line, ErrorCode expected)
    {
        Assert.Equal(expected, Lenient(FrameFormat.LeanTradeTick, line).Error);
    }

    [Theory]
    [InlineData("14400614,139400")]
    [InlineData("14400614,139400,lots,??,!!,maybe")]
    [InlineData("14400614,13.94,500,P,0,0,1,2,3")]
    public void ParseBasic_TimeAndPrice_PartialTrade(string line)
    {
        var (error, e) = Basic(FrameFormat.LeanTradeTick, line);

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.Trade, e.Kind);
        Assert.Equal("13.94", e.Price.ToString());
        Assert.True(e.Size.IsZero);
    }

    [Theory]
    [InlineData("139400", ErrorCode.ParseFieldCount)]
    [InlineData("x,139400", ErrorCode.ParseBadNumber)]
    [InlineData("14400614,-1", ErrorCode.ParseOutOfRange)]
    public void ParseBasic_NoTimeOrPrice_Error(string line, ErrorCode expected)
    {
        Assert.Equal(expected, Basic(FrameFormat.LeanTradeTick, line).Error);
    }

    [Fact]
    public void ParseBasic_QuoteTick_BidAndAsk()
    {
        var (error, e) = Basic(FrameFormat.LeanQuoteTick, "14400614,139300,junk,139500");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.Quote, e.Kind);
        Assert.Equal("13.93", e.Bid.ToString());
        Assert.Equal("13.95", e.Ask.ToString());
    }

    [Fact]
    public void ParseBasic_QuoteBar_Unsupported()
    {
        Assert.Equal(ErrorCode.ParseLevelUnsupported, Basic(FrameFormat.LeanQuoteBar, "1,1,1,1,1,1,1,1,1,1,1").Error);
    }
}
