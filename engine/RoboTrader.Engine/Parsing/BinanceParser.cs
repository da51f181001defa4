using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// Binance spot market-stream payloads — trade, aggTrade, bookTicker, depthUpdate — raw or wrapped in a
/// combined-stream <c>{"stream":"bnbbtc@trade","data":{...}}</c> object, mapped to market events. The symbol
/// (<c>"s"</c>, e.g. <c>"BNBBTC"</c>) must be in the source's symbol table.
/// </summary>
/// <remarks>
/// <para>Routing: by the combined stream's name (<c>&lt;sym&gt;@trade</c>, <c>@aggTrade</c>, <c>@bookTicker</c>,
/// <c>@depth</c>, <c>@depth@100ms</c>), else by <c>"e"</c> (<c>trade</c>, <c>aggTrade</c>, <c>depthUpdate</c>); a raw
/// payload without <c>"e"</c> that has <c>u</c>, <c>s</c> and string <c>b</c>/<c>a</c> is a bookTicker (the only
/// supported payload without an event type). Other payloads (kline, tickers, partial depth, serverShutdown, responses)
/// fail with <see cref="ErrorCode.ParseUnknownType"/>.</para>
/// <para>Mapping: trade/aggTrade → <see cref="MarketEventKind.Trade"/> (p, q, T); bookTicker →
/// <see cref="MarketEventKind.Quote"/> (b, B, a, A; the payload has no time, so the event's time is 0); depthUpdate →
/// <see cref="MarketEventKind.BookUpdate"/> with the first level of <c>b</c> and <c>a</c> (time E; a side without
/// levels is flagged absent; a level with quantity 0 means "remove").</para>
/// <para>Strict: plain JSON, prices and quantities as strings with at most 8 decimals, times as integer
/// milliseconds, the symbol upper case and exact, the required fields present; unknown keys are ignored (Binance adds
/// fields). Lenient: also comments (the docs' JSONC), trailing commas, single quotes, noise around the object,
/// numbers unquoted or with exponents, times in ms or µs (<c>timeUnit=MICROSECOND</c>) told apart by magnitude, the
/// symbol in any case, a missing trade time (E used) or quantity (0). Basic: only <c>"s"</c> and <c>"p"</c> (a partial
/// trade; refused when <c>"e"</c> names another event) or <c>"s"</c>, <c>"b"</c> and <c>"a"</c> (a partial quote),
/// found anywhere in the frame.</para>
/// </remarks>
public static partial class BinanceParser
{
    /// <summary>Parses one payload at <paramref name="level"/>.</summary>
    public static ErrorCode Parse(ParseLevel level, ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
        => JsonFrame.ParseMarket<Levels>(level, frame, context, ref e);

    /// <summary>The Binance payload levels, for <see cref="JsonFrame.ParseMarket{TGrammar}"/>.</summary>
    private readonly struct Levels : IJsonMarketGrammar
    {
        public static ErrorCode ParseObject(ReadOnlySpan<byte> json, ParseContext context, bool lenient, ref MarketEvent e)
            => ParseJson(json, context, lenient, ref e);

        public static ErrorCode ParseBasic(ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
            => BinanceParser.ParseBasic(frame, context, ref e);
    }

    /// <summary>The payload kind named by a stream name such as <c>bnbbtc@aggTrade</c> or <c>bnbbtc@depth@100ms</c>.</summary>
    public static BinanceKind KindOfStream(ReadOnlySpan<byte> stream)
    {
        var at = stream.IndexOf((byte)'@');
        if (at < 0)
        {
            return BinanceKind.Unknown;
        }

        var name = stream[(at + 1)..];
        var speed = name.IndexOf((byte)'@');
        if (speed >= 0)
        {
            name = name[..speed];
        }

        if (name.SequenceEqual("trade"u8)) return BinanceKind.Trade;
        if (name.SequenceEqual("aggTrade"u8)) return BinanceKind.AggTrade;
        if (name.SequenceEqual("bookTicker"u8)) return BinanceKind.BookTicker;
        if (name.SequenceEqual("depth"u8)) return BinanceKind.DepthUpdate;
        return BinanceKind.Unknown;
    }

    /// <summary>The strict or lenient level on one JSON object; throws <see cref="System.Text.Json.JsonException"/> on malformed JSON.</summary>
    private static ErrorCode ParseJson(ReadOnlySpan<byte> json, ParseContext context, bool lenient, ref MarketEvent e)
    {
        var fields = default(BinanceFields);
        fields.AllDecimalsQuoted = true;
        var error = Collect(json, lenient, ref fields);
        if (error != ErrorCode.None)
        {
            return error;
        }

        var route = BinanceKind.Unknown;
        if (fields.HasData)
        {
            if (!fields.HasStream)
            {
                return ErrorCode.ParseMissingField;
            }

            route = KindOfStream(fields.Stream);
            if (route == BinanceKind.Unknown)
            {
                return ErrorCode.ParseUnknownType;
            }

            var data = json[fields.DataStart..fields.DataEnd];
            var stream = fields.Stream;
            fields = default;
            fields.AllDecimalsQuoted = true;
            fields.Stream = stream;
            if ((error = Collect(data, lenient, ref fields)) != ErrorCode.None)
            {
                return error;
            }
        }

        return Map(ref fields, route, context, lenient, ref e);
    }
}
