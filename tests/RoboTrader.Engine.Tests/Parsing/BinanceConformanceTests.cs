using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>
/// Golden cases from ../shared/conformance/binance-spot.txt (the payloads of Binance's own docs, read at test time):
/// the four supported payloads parse to the documented values; every other sample (klines, tickers, partial depth,
/// responses, prose, REST arrays) is dead-lettered, never mistaken for market data.
/// </summary>
public sealed class BinanceConformanceTests
{
    private const string File = "binance-spot.txt";

    public static TheoryData<string> Negatives() =>
    [
        "wss-kline", "wss-partialDepth", "wss-miniTicker", "wss-ticker24h", "wss-avgPrice", "wss-referencePrice",
        "wss-serverShutdown-raw", "wss-serverShutdown-combined", "wss-subscribe-request", "wss-subscribe-response",
        "wss-get-property-response", "wss-error-messages-table", "wss-local-order-book-procedure", "wss-general-info",
        "rest-depth", "rest-trades", "rest-aggTrades", "rest-klines", "rest-error", "pub-csv-layouts",
    ];

    private static ParseChain Chain() => new(FrameFormat.BinanceSpot, "BNBBTC", "BNBUSDT", "BTCUSDT", "BAZUSD");

    private static string Payload(string id) => ConformanceSamples.Read(File)[id].Payload;

    [ConformanceTheory]
    [InlineData("wss-trade")]
    [InlineData("wss-aggTrade")]
    public void Parse_DocTrade_LenientAsJsoncStrictOnceStripped(string id)
    {
        var chain = Chain();
        var raw = chain.Parse(Payload(id));
        Assert.Equal(ParseLevel.Lenient, raw.ParseLevel); // the docs' // comments are not JSON
        Assert.Equal("0.001", raw.Market.Price.ToString());

        var slot = chain.Parse(ConformanceSamples.StripLineComments(Payload(id)));

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Trade, slot.Market.Kind);
        Assert.True(chain.Symbols.TryGet("BNBBTC", out var symbol));
        Assert.Equal(symbol, slot.Market.Symbol);
        Assert.Equal("0.001", slot.Market.Price.ToString());
        Assert.Equal("100", slot.Market.Size.ToString());
        Assert.Equal(1672515782136L * 1_000_000, slot.Market.TimeNanos);
    }

    [ConformanceFact]
    public void Parse_DocBookTickerCombined_StrictQuoteRoutedByStreamName()
    {
        var data = ConformanceSamples.StripLineComments(Payload("wss-bookTicker"));
        var slot = Chain().Parse("{\"stream\":\"bnbusdt@bookTicker\",\"data\":" + data + "}");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.Quote, slot.Market.Kind);
        Assert.Equal("25.3519", slot.Market.Bid.ToString());
        Assert.Equal("40.66", slot.Market.AskSize.ToString());
    }

    [ConformanceFact]
    public void Parse_DocDepthUpdate_StrictBookUpdate()
    {
        var slot = Chain().Parse(ConformanceSamples.StripLineComments(Payload("wss-depthUpdate")));

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(MarketEventKind.BookUpdate, slot.Market.Kind);
        Assert.Equal("0.0024", slot.Market.Bid.ToString());
        Assert.Equal("100", slot.Market.AskSize.ToString());
    }

    [ConformanceTheory]
    [MemberData(nameof(Negatives))]
    public void Parse_UnsupportedDocSample_DeadLetteredAtEveryLevel(string id)
    {
        var chain = Chain();
        foreach (var payload in new[] { Payload(id), ConformanceSamples.StripLineComments(Payload(id)) })
        {
            var slot = chain.Parse(payload);

            Assert.True(slot.ParseLevel == ParseLevel.None, $"{id} parsed at {slot.ParseLevel} as {slot.Market.Kind}");
            Assert.Equal(Encoding.UTF8.GetBytes(payload), slot.Frame.ToArray());
        }

        Assert.Equal(2, chain.Stage.DeadLettered);
    }
}
