using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

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
public static class BinanceParser
{
    private const long MaxMilliseconds = 100_000_000_000_000L;

    /// <summary>Parses one payload at <paramref name="level"/>.</summary>
    public static ErrorCode Parse(ParseLevel level, ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
    {
        ArgumentNullException.ThrowIfNull(context);
        e = default;
        switch (level)
        {
            case ParseLevel.Strict:
                return ParseJson(frame, context, lenient: false, ref e);
            case ParseLevel.Lenient:
                var scratch = context.Scratch(frame.Length * 2);
                var n = LenientJson.Normalize(frame, scratch);
                return n < 0 ? ErrorCode.ParseBadSyntax : ParseJson(scratch[..n], context, lenient: true, ref e);
            case ParseLevel.Basic:
                return ParseBasic(frame, context, ref e);
            default:
                return ErrorCode.ParseLevelUnsupported;
        }
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

    private static ErrorCode ParseJson(ReadOnlySpan<byte> json, ParseContext context, bool lenient, ref MarketEvent e)
    {
        try
        {
            var options = lenient ? LenientJson.LenientOptions : LenientJson.StrictOptions;
            var fields = default(BinanceFields);
            fields.AllDecimalsQuoted = true;
            var error = Collect(json, options, ref fields);
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
                if ((error = Collect(data, options, ref fields)) != ErrorCode.None)
                {
                    return error;
                }
            }

            return Map(ref fields, route, context, lenient, ref e);
        }
        catch (JsonException)
        {
            // Utf8JsonReader reports malformed JSON only by throwing; this is the failure path of one frame.
            return ErrorCode.ParseBadSyntax;
        }
    }

    private static ErrorCode Collect(ReadOnlySpan<byte> json, JsonReaderOptions options, ref BinanceFields f)
    {
        var reader = new Utf8JsonReader(json, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ErrorCode.ParseBadSyntax;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            var key = reader.ValueSpan;
            if (!reader.Read())
            {
                return ErrorCode.ParseBadSyntax;
            }

            var type = reader.TokenType;
            var isScalar = type is JsonTokenType.String or JsonTokenType.Number;
            if (key.Length == 1 && isScalar)
            {
                var value = reader.ValueSpan;
                if (reader.ValueIsEscaped)
                {
                    return ErrorCode.ParseBadSyntax; // no supported Binance field is escaped
                }

                switch (key[0])
                {
                    case (byte)'e':
                        f.EventType = value;
                        f.HasEventType = true;
                        break;
                    case (byte)'s':
                        f.Symbol = value;
                        break;
                    case (byte)'p':
                        f.Price = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'q':
                        f.Quantity = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'b':
                        f.Bid = value;
                        f.HasBid = true;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'B':
                        f.BidQuantity = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'a' when type == JsonTokenType.String:
                        f.Ask = value;
                        f.HasAsk = true;
                        break;
                    case (byte)'A':
                        f.AskQuantity = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'E':
                        f.TimeQuoted |= type == JsonTokenType.String;
                        if (!TryTime(ref reader, out f.EventTime))
                        {
                            return ErrorCode.ParseBadNumber;
                        }

                        f.HasEventTime = true;
                        break;
                    case (byte)'T':
                        f.TimeQuoted |= type == JsonTokenType.String;
                        if (!TryTime(ref reader, out f.TradeTime))
                        {
                            return ErrorCode.ParseBadNumber;
                        }

                        f.HasTradeTime = true;
                        break;
                    case (byte)'u':
                        f.HasUpdateId = true;
                        break;
                }

                continue;
            }

            if (key.Length == 1 && type == JsonTokenType.StartArray && key[0] is (byte)'b' or (byte)'a')
            {
                var quoted = true;
                var present = ReadFirstLevel(ref reader, out var price, out var quantity, ref quoted);
                f.AllDecimalsQuoted &= quoted;
                if (key[0] == (byte)'b')
                {
                    f.BidIsLevels = true;
                    f.HasBid = present;
                    f.Bid = price;
                    f.BidQuantity = quantity;
                }
                else
                {
                    f.AskIsLevels = true;
                    f.HasAsk = present;
                    f.Ask = price;
                    f.AskQuantity = quantity;
                }

                continue;
            }

            if (key.SequenceEqual("stream"u8) && type == JsonTokenType.String)
            {
                f.Stream = reader.ValueSpan;
                f.HasStream = true;
                continue;
            }

            if (key.SequenceEqual("data"u8) && type == JsonTokenType.StartObject)
            {
                f.DataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                f.DataEnd = (int)reader.BytesConsumed;
                f.HasData = true;
                continue;
            }

            reader.Skip();
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return ErrorCode.ParseBadSyntax;
        }

        return ErrorCode.None;
    }

    /// <summary>Reads <c>[[price, qty, ...], ...]</c> keeping the first level; leaves the reader on the outer array's end.</summary>
    private static bool ReadFirstLevel(scoped ref Utf8JsonReader reader, out ReadOnlySpan<byte> price, out ReadOnlySpan<byte> quantity, scoped ref bool quoted)
    {
        price = default;
        quantity = default;
        var found = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (found || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped)
                {
                    quoted &= reader.TokenType == JsonTokenType.String;
                    if (i == 0)
                    {
                        price = reader.ValueSpan;
                    }
                    else if (i == 1)
                    {
                        quantity = reader.ValueSpan;
                    }
                }
                else
                {
                    reader.Skip();
                }

                i++;
            }

            found = i >= 2;
        }

        return found;
    }

    private static bool TryTime(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out value) && value >= 0;
        }

        return LenientJson.TryParseInteger(reader.ValueSpan, out value);
    }

    private static ErrorCode Map(ref BinanceFields f, BinanceKind route, ParseContext context, bool lenient, ref MarketEvent e)
    {
        var byEvent = BinanceKind.Unknown;
        if (f.HasEventType)
        {
            byEvent = f.EventType.SequenceEqual("trade"u8) ? BinanceKind.Trade
                : f.EventType.SequenceEqual("aggTrade"u8) ? BinanceKind.AggTrade
                : f.EventType.SequenceEqual("depthUpdate"u8) ? BinanceKind.DepthUpdate
                : BinanceKind.Unknown;
            if (byEvent == BinanceKind.Unknown || (route != BinanceKind.Unknown && route != byEvent))
            {
                return ErrorCode.ParseUnknownType;
            }
        }
        else if (route == BinanceKind.Unknown && f.HasUpdateId && f.HasBid && f.HasAsk && !f.BidIsLevels && !f.AskIsLevels)
        {
            byEvent = BinanceKind.BookTicker;
        }

        var kind = route != BinanceKind.Unknown ? route : byEvent;
        if (kind == BinanceKind.Unknown)
        {
            return ErrorCode.ParseUnknownType;
        }

        if (!lenient && (!f.AllDecimalsQuoted || f.TimeQuoted))
        {
            return ErrorCode.ParseBadNumber; // Binance sends every price and quantity as a string, every time as an integer
        }

        if (f.Symbol.IsEmpty)
        {
            return ErrorCode.ParseMissingField;
        }

        if (!context.TryGetSymbol(f.Symbol, lenient, out e.Symbol))
        {
            return ErrorCode.ParseUnknownSymbol;
        }

        ErrorCode error;
        switch (kind)
        {
            case BinanceKind.Trade:
            case BinanceKind.AggTrade:
                if (f.Price.IsEmpty || (!lenient && (f.Quantity.IsEmpty || !f.HasTradeTime)))
                {
                    return ErrorCode.ParseMissingField;
                }

                if ((error = Decimal(f.Price, lenient, out var price)) != ErrorCode.None
                    || (error = OptionalDecimal(f.Quantity, lenient, out var size)) != ErrorCode.None
                    || (error = Time(f.HasTradeTime ? f.TradeTime : f.EventTime, f.HasTradeTime || f.HasEventTime, lenient, out e.TimeNanos)) != ErrorCode.None)
                {
                    return error;
                }

                e.Price = new Price(price);
                e.Size = new Quantity(size);
                e.Kind = MarketEventKind.Trade;
                return ErrorCode.None;
            case BinanceKind.BookTicker:
                if (!f.HasBid || !f.HasAsk || (!lenient && (f.BidQuantity.IsEmpty || f.AskQuantity.IsEmpty)))
                {
                    return ErrorCode.ParseMissingField;
                }

                if ((error = Sides(ref f, lenient, ref e)) != ErrorCode.None)
                {
                    return error;
                }

                e.Kind = MarketEventKind.Quote;
                return ErrorCode.None;
            case BinanceKind.DepthUpdate:
                if (!f.BidIsLevels || !f.AskIsLevels || (!lenient && !f.HasEventTime))
                {
                    return ErrorCode.ParseMissingField;
                }

                if ((error = Sides(ref f, lenient, ref e)) != ErrorCode.None
                    || (error = Time(f.EventTime, f.HasEventTime, lenient, out e.TimeNanos)) != ErrorCode.None)
                {
                    return error;
                }

                e.Kind = MarketEventKind.BookUpdate;
                return ErrorCode.None;
            default:
                return ErrorCode.ParseUnknownType;
        }
    }

    private static ErrorCode Sides(ref BinanceFields f, bool lenient, ref MarketEvent e)
    {
        ErrorCode error;
        if (f.HasBid)
        {
            if ((error = Decimal(f.Bid, lenient, out var bid)) != ErrorCode.None
                || (error = OptionalDecimal(f.BidQuantity, lenient, out var bidSize)) != ErrorCode.None)
            {
                return error;
            }

            e.Bid = new Price(bid);
            e.BidSize = new Quantity(bidSize);
        }
        else
        {
            e.Flags |= MarketEventFlags.NoBid;
        }

        if (f.HasAsk)
        {
            if ((error = Decimal(f.Ask, lenient, out var ask)) != ErrorCode.None
                || (error = OptionalDecimal(f.AskQuantity, lenient, out var askSize)) != ErrorCode.None)
            {
                return error;
            }

            e.Ask = new Price(ask);
            e.AskSize = new Quantity(askSize);
        }
        else
        {
            e.Flags |= MarketEventFlags.NoAsk;
        }

        return ErrorCode.None;
    }

    private static ErrorCode Time(long value, bool present, bool lenient, out long nanos)
    {
        nanos = 0;
        if (!present)
        {
            return ErrorCode.None;
        }

        if (lenient)
        {
            return LenientJson.TryEpochToNanos(value, out nanos) && value >= 100_000_000_000L ? ErrorCode.None : ErrorCode.ParseOutOfRange;
        }

        if (value >= MaxMilliseconds)
        {
            return ErrorCode.ParseOutOfRange; // microseconds: the lenient level tells them apart
        }

        nanos = value * 1_000_000L;
        return ErrorCode.None;
    }

    private static ErrorCode Decimal(ReadOnlySpan<byte> text, bool lenient, out long raw)
    {
        if (!(lenient ? DecimalText.TryParseLenient(text, out raw) : DecimalText.TryParseStrict(text, out raw)))
        {
            return ErrorCode.ParseBadNumber;
        }

        return raw < 0 ? ErrorCode.ParseOutOfRange : ErrorCode.None;
    }

    private static ErrorCode OptionalDecimal(ReadOnlySpan<byte> text, bool lenient, out long raw)
    {
        raw = 0;
        return text.IsEmpty && lenient ? ErrorCode.None : Decimal(text, lenient, out raw);
    }

    private static ErrorCode ParseBasic(ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
    {
        if (!BasicScanner.TryFind(frame, "\"s\""u8, ignoreCase: false, out var symbol))
        {
            return ErrorCode.ParseMissingField;
        }

        if (!context.TryGetSymbol(symbol, ignoreCase: true, out e.Symbol))
        {
            return ErrorCode.ParseUnknownSymbol;
        }

        ErrorCode error;
        if (BasicScanner.TryFind(frame, "\"e\""u8, ignoreCase: false, out var eventType)
            && !eventType.SequenceEqual("trade"u8) && !eventType.SequenceEqual("aggTrade"u8))
        {
            return ErrorCode.ParseUnknownType;
        }

        if (BasicScanner.TryFind(frame, "\"p\""u8, ignoreCase: false, out var price))
        {
            if ((error = Decimal(price, lenient: true, out var raw)) != ErrorCode.None)
            {
                return error;
            }

            e.Price = new Price(raw);
            e.Kind = MarketEventKind.Trade;
            return ErrorCode.None;
        }

        if (BasicScanner.TryFind(frame, "\"b\""u8, ignoreCase: false, out var bid)
            && BasicScanner.TryFind(frame, "\"a\""u8, ignoreCase: false, out var ask))
        {
            if ((error = Decimal(bid, lenient: true, out var b)) != ErrorCode.None
                || (error = Decimal(ask, lenient: true, out var a)) != ErrorCode.None)
            {
                return error;
            }

            e.Bid = new Price(b);
            e.Ask = new Price(a);
            e.Kind = MarketEventKind.Quote;
            return ErrorCode.None;
        }

        return ErrorCode.ParseMissingField;
    }
}
