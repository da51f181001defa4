using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>
/// Golden LEAN rows from ../shared/conformance/recorded-csv-datasets.txt (read at test time): the equity ticks are
/// strict; LEAN's crypto minute bars (plain decimal prices) are lenient; the hour bars' "YYYYMMDD HH:mm" time is
/// not a LEAN equity time and is dead-lettered.
/// </summary>
public sealed class LeanCsvConformanceTests
{
    private const string File = "recorded-csv-datasets.txt";

    private static IEnumerable<string> Rows(string id) => ConformanceSamples.Read(File)[id].Payload.Split('\n');

    [ConformanceTheory]
    [InlineData("lean-equity-tick-trade-bac", FrameFormat.LeanTradeTick)]
    [InlineData("lean-equity-tick-quote-bac", FrameFormat.LeanQuoteTick)]
    public void Parse_EquityTicks_AllStrict(string id, FrameFormat format)
    {
        var chain = new ParseChain(format, "BAC");

        foreach (var row in Rows(id))
        {
            Assert.Equal(ParseLevel.Strict, chain.Parse(row).ParseLevel);
        }
    }

    [ConformanceFact]
    public void Parse_CryptoMinuteBarsWithDecimalPrices_AllLenient()
    {
        var chain = new ParseChain(FrameFormat.LeanTradeBar, "BTCBUSD");
        var first = chain.Parse(Rows("lean-crypto-binance-minute").First());
        Assert.Equal(ParseLevel.Lenient, first.ParseLevel);
        Assert.Equal(MarketEventKind.TradeBar, first.Market.Kind);
        Assert.Equal("17208.88", first.Market.Price.ToString());
        Assert.Equal("110.66042", first.Market.Size.ToString());

        foreach (var row in Rows("lean-crypto-binance-minute").Skip(1))
        {
            Assert.Equal(ParseLevel.Lenient, chain.Parse(row).ParseLevel);
        }
    }

    [ConformanceFact]
    public void Parse_CryptoHourBarsWithDateTimeText_DeadLettered()
    {
        var chain = new ParseChain(FrameFormat.LeanTradeBar, "BTCUSDT");

        foreach (var row in Rows("lean-crypto-binance-hour"))
        {
            Assert.Equal(ParseLevel.None, chain.Parse(row).ParseLevel);
        }
    }
}
