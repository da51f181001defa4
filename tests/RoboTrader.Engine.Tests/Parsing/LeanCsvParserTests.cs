using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Tests.Parsing;

public sealed class LeanCsvParserTests
{
    private static readonly DateOnly s_day = new(2013, 10, 7);

    private static ParseContext Context(FrameFormat format, DateOnly? date = null)
        => new(new SourceDescriptor(new SymbolId(3), format, date ?? s_day, "America/New_York", 4, "test"));

    private static (ErrorCode Error, MarketEvent Event) Parse(FrameFormat format, string line, DateOnly? date = null)
    {
        var e = default(MarketEvent);
        var error = LeanCsvParser.Parse(Encoding.ASCII.GetBytes(line), Context(format, date), ref e);
        return (error, e);
    }

    [Fact]
    public void Parse_TradeTick_AllFields()
    {
        var (error, e) = Parse(FrameFormat.LeanTradeTick, "14400614,139400,500,P,20002020,0");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.Trade, e.Kind);
        Assert.Equal(new SymbolId(3), e.Symbol);
        Assert.Equal("13.94", e.Price.ToString());
        Assert.Equal("500", e.Size.ToString());
        Assert.Equal((byte)'P', e.Exchange);
        Assert.Equal(0x20002020, e.Condition);
        Assert.False(e.IsSuspicious);
        // 04:00:00.614 New York (EDT, UTC-4) is 08:00:00.614 UTC.
        Assert.Equal("2013-10-07T08:00:00.614000Z", EventTime.ToIso(e.TimeNanos));
    }

    [Fact]
    public void Parse_HexadecimalSaleCondition_FromRealSpyRow()
    {
        // A real row of SPY 2013-10-11: LEAN writes sale conditions in hexadecimal.
        var (error, e) = Parse(FrameFormat.LeanTradeTick, "54063297,1692000,147758,D,104a00,0");
        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(0x104a00, e.Condition);
    }

    [Fact]
    public void Parse_SuspiciousTrade_SetsFlag()
        => Assert.True(Parse(FrameFormat.LeanTradeTick, "14400614,139400,500,P,0,1").Event.IsSuspicious);

    [Fact]
    public void Parse_QuoteTickWithAbsentBid_FlagsNoBid()
    {
        var (error, e) = Parse(FrameFormat.LeanQuoteTick, "14400151,0,0,140200,500,Q,1,0");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.Quote, e.Kind);
        Assert.True((e.Flags & MarketEventFlags.NoBid) != 0);
        Assert.True((e.Flags & MarketEventFlags.NoAsk) == 0);
        Assert.Equal("14.02", e.Ask.ToString());
        Assert.Equal("500", e.AskSize.ToString());
    }

    [Fact]
    public void Parse_TradeBar_OhlcvInPlace()
    {
        var (error, e) = Parse(FrameFormat.LeanTradeBar, "14400000,1674100,1674200,1672500,1672700,3197");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.TradeBar, e.Kind);
        Assert.Equal("167.41", e.Open.ToString());
        Assert.Equal("167.42", e.High.ToString());
        Assert.Equal("167.25", e.Low.ToString());
        Assert.Equal("167.27", e.Price.ToString());
        Assert.Equal("3197", e.Size.ToString());
    }

    [Fact]
    public void Parse_QuoteBarWithEmptyBidSide_FlagsNoBid()
    {
        var (error, e) = Parse(FrameFormat.LeanQuoteBar, "14400000,,,,,0,1680000,1680000,1672600,1672700,20000");

        Assert.Equal(ErrorCode.None, error);
        Assert.Equal(MarketEventKind.QuoteBar, e.Kind);
        Assert.True((e.Flags & MarketEventFlags.NoBid) != 0);
        Assert.Equal("167.27", e.Ask.ToString());
    }

    [Theory]
    [InlineData("14400614,139400,500,P,0", ErrorCode.ParseFieldCount)]
    [InlineData("14400614,139400,500,P,0,0,7", ErrorCode.ParseFieldCount)]
    [InlineData("", ErrorCode.ParseBadNumber)]
    [InlineData("abc,139400,500,P,0,0", ErrorCode.ParseBadNumber)]
    [InlineData("14400614,-139400,500,P,0,0", ErrorCode.ParseBadNumber)]
    [InlineData("14400614,13.94,500,P,0,0", ErrorCode.ParseBadNumber)]
    [InlineData("14400614,139400,500,P,0,2", ErrorCode.ParseBadNumber)]
    [InlineData("14400614,139400,500,P,10g,0", ErrorCode.ParseBadNumber)]
    [InlineData("86400000,139400,500,P,0,0", ErrorCode.ParseOutOfRange)]
    [InlineData("14400614,999999999999999999,500,P,0,0", ErrorCode.ParseOutOfRange)]
    public void Parse_MalformedTrade_ReturnsCodeWithoutThrowing(string line, ErrorCode expected)
        => Assert.Equal(expected, Parse(FrameFormat.LeanTradeTick, line).Error);

    [Fact]
    public void Parse_SeededMutations_NeverThrow()
    {
        var random = new Random(2024);
        var valid = Encoding.ASCII.GetBytes("14400614,139400,500,P,20002020,0");
        var context = Context(FrameFormat.LeanTradeTick);
        for (var i = 0; i < 20_000; i++)
        {
            var frame = valid.Take(random.Next(valid.Length + 1)).ToArray();
            if (frame.Length > 0 && random.Next(2) == 0)
            {
                frame[random.Next(frame.Length)] = (byte)random.Next(256);
            }

            var e = default(MarketEvent);
            var error = LeanCsvParser.Parse(frame, context, ref e);
            // Either a complete event or an error code with no event: never half an event, never an exception.
            Assert.Equal(error == ErrorCode.None, e.Kind != MarketEventKind.None);
        }
    }

    [Fact]
    public void Parse_DaylightSavingSwitchDay_UsesOffsetInForceAtEachTime()
    {
        // 2013-11-03: New York leaves daylight saving at 02:00 local (06:00 UTC).
        var day = new DateOnly(2013, 11, 3);
        var before = Parse(FrameFormat.LeanTradeTick, "1800000,100,1,P,0,0", day).Event; // 00:30 EDT
        var after = Parse(FrameFormat.LeanTradeTick, "36000000,100,1,P,0,0", day).Event; // 10:00 EST
        Assert.Equal("2013-11-03T04:30:00.000000Z", EventTime.ToIso(before.TimeNanos));
        Assert.Equal("2013-11-03T15:00:00.000000Z", EventTime.ToIso(after.TimeNanos));
    }
}
