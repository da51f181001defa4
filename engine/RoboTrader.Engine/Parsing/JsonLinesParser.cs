using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// JSON lines of trades and quotes in the engine's generic schema, one object per frame:
/// <code>
/// {"type":"trade","symbol":"SPY","time":1700000000123456789,"price":"450.12","size":"100"}
/// {"type":"quote","symbol":"SPY","time":1700000000123456789,"bid":"450.10","bid_size":"200","ask":"450.12","ask_size":"300"}
/// </code>
/// <c>time</c> is nanoseconds since the Unix epoch (UTC), an integer; prices and sizes are exact decimals with at most
/// 8 decimals, as JSON strings or plain JSON numbers; <c>symbol</c> must be in the source's symbol table.
/// </summary>
/// <remarks>
/// <para>Strict: exactly these keys (lower case, each once, no others), no exponents, upper-case symbol; the
/// object alone on the line (whitespace allowed).</para>
/// <para>Lenient: keys in any case with '_'/'-' ignored and aliases (symbol: sym, ticker, s; time: ts, timestamp, t;
/// price: px, p, last; size: qty, quantity, q, volume, sz; bid: b, bidprice; ask: a, askprice; bid_size: bidqty,
/// bidsz; ask_size: askqty, asksz); unknown keys ignored; <c>type</c> optional (inferred from price or bid/ask)
/// and case-insensitive; time in s, ms, µs or ns told apart by magnitude, as a number or a string; numbers quoted or
/// not, with exponents, rounded to 8 decimals; sizes optional (0); symbol in any case; prose around the object,
/// single quotes, comments and trailing commas.</para>
/// <para>Basic: only the symbol and the price (a partial trade) or the symbol, bid and ask (a partial quote), found
/// as <c>key: value</c> anywhere in the frame with the lenient aliases; time if one is found, else 0.</para>
/// </remarks>
public static class JsonLinesParser
{
    private enum Field : byte
    {
        Unknown,
        Type,
        Symbol,
        Time,
        Price,
        Size,
        Bid,
        BidSize,
        Ask,
        AskSize,
    }

    /// <summary>Parses one line at <paramref name="level"/>.</summary>
    public static ErrorCode Parse(ParseLevel level, ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
        => JsonFrame.ParseMarket<Levels>(level, frame, context, ref e);

    /// <summary>The JsonLines line levels, for <see cref="JsonFrame.ParseMarket{TGrammar}"/>.</summary>
    private readonly struct Levels : IJsonMarketGrammar
    {
        public static ErrorCode ParseObject(ReadOnlySpan<byte> json, ParseContext context, bool lenient, ref MarketEvent e)
            => ReadObject(json, context, lenient, ref e);

        public static ErrorCode ParseBasic(ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
            => JsonLinesParser.ParseBasic(frame, context, ref e);
    }

    /// <summary>The strict or lenient level on one JSON object; throws <see cref="JsonException"/> on malformed JSON.</summary>
    private static ErrorCode ReadObject(ReadOnlySpan<byte> json, ParseContext context, bool lenient, ref MarketEvent e)
    {
        if (!JsonFrame.TryOpenObject(json, lenient, out var reader))
        {
            return ErrorCode.ParseBadSyntax;
        }

        Span<byte> buffer = stackalloc byte[64];
        var seen = 0;
        var typeKind = MarketEventKind.None;
        var error = ErrorCode.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = lenient ? LenientField(ref reader) : StrictField(ref reader);
            if (!reader.Read())
            {
                return ErrorCode.ParseBadSyntax;
            }

            if (field == Field.Unknown)
            {
                if (!lenient)
                {
                    return ErrorCode.ParseUnexpectedField;
                }

                reader.Skip();
                continue;
            }

            var bit = 1 << (int)field;
            if ((seen & bit) != 0 && !lenient)
            {
                return ErrorCode.ParseUnexpectedField;
            }

            seen |= bit;
            if (!LenientJson.TryGetScalarText(in reader, buffer, out var text))
            {
                return ErrorCode.ParseBadNumber;
            }

            if (!lenient && field is Field.Type or Field.Symbol && reader.TokenType != JsonTokenType.String)
            {
                return ErrorCode.ParseBadSyntax;
            }

            if (!lenient && field == Field.Time && reader.TokenType != JsonTokenType.Number)
            {
                return ErrorCode.ParseBadNumber;
            }

            error = field switch
            {
                Field.Type => ReadType(text, lenient, out typeKind),
                Field.Symbol => context.TryGetSymbol(text, lenient, out e.Symbol) ? ErrorCode.None : ErrorCode.ParseUnknownSymbol,
                Field.Time => ReadTime(text, lenient, out e.TimeNanos),
                Field.Price => ReadNonNegative(text, lenient, out e.Price),
                Field.Size => ReadQuantity(text, lenient, out e.Size),
                Field.Bid => ReadNonNegative(text, lenient, out e.Bid),
                Field.BidSize => ReadQuantity(text, lenient, out e.BidSize),
                Field.Ask => ReadNonNegative(text, lenient, out e.Ask),
                Field.AskSize => ReadQuantity(text, lenient, out e.AskSize),
                _ => ErrorCode.None,
            };
            if (error != ErrorCode.None)
            {
                return error;
            }
        }

        if (!JsonFrame.IsClosedAtEnd(ref reader))
        {
            return ErrorCode.ParseBadSyntax;
        }

        const int trade = (1 << (int)Field.Price) | (1 << (int)Field.Size);
        const int quote = (1 << (int)Field.Bid) | (1 << (int)Field.BidSize) | (1 << (int)Field.Ask) | (1 << (int)Field.AskSize);
        if (typeKind == MarketEventKind.None)
        {
            if (!lenient)
            {
                return ErrorCode.ParseMissingField;
            }

            typeKind = (seen & (1 << (int)Field.Price)) != 0 ? MarketEventKind.Trade
                : (seen & ((1 << (int)Field.Bid) | (1 << (int)Field.Ask))) != 0 ? MarketEventKind.Quote
                : MarketEventKind.None;
            if (typeKind == MarketEventKind.None)
            {
                return ErrorCode.ParseMissingField;
            }
        }

        if ((seen & (1 << (int)Field.Symbol)) == 0 || (!lenient && (seen & (1 << (int)Field.Time)) == 0))
        {
            return ErrorCode.ParseMissingField;
        }

        var required = typeKind == MarketEventKind.Trade
            ? (lenient ? 1 << (int)Field.Price : trade)
            : (lenient ? (1 << (int)Field.Bid) | (1 << (int)Field.Ask) : quote);
        if ((seen & required) != required)
        {
            return ErrorCode.ParseMissingField;
        }

        if (!lenient && (seen & (typeKind == MarketEventKind.Trade ? quote : trade)) != 0)
        {
            return ErrorCode.ParseUnexpectedField;
        }

        if (typeKind == MarketEventKind.Quote)
        {
            e.Flags |= (e.Bid.IsZero ? MarketEventFlags.NoBid : 0) | (e.Ask.IsZero ? MarketEventFlags.NoAsk : 0);
        }

        e.Kind = typeKind;
        return ErrorCode.None;
    }

    private static ErrorCode ParseBasic(ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
    {
        if (!BasicScanner.TryFindAny(frame, "symbol|sym|ticker"u8, ignoreCase: true, out var symbol))
        {
            return ErrorCode.ParseMissingField;
        }

        if (!context.TryGetSymbol(symbol, ignoreCase: true, out e.Symbol))
        {
            return ErrorCode.ParseUnknownSymbol;
        }

        if (BasicScanner.TryFindAny(frame, "time|ts|timestamp"u8, ignoreCase: true, out var time))
        {
            _ = ReadTime(time, lenient: true, out e.TimeNanos); // optional at this level
        }

        ErrorCode error;
        if (BasicScanner.TryFindAny(frame, "price|px|last"u8, ignoreCase: true, out var price))
        {
            if ((error = ReadNonNegative(price, lenient: true, out e.Price)) != ErrorCode.None)
            {
                return error;
            }

            e.Kind = MarketEventKind.Trade;
            return ErrorCode.None;
        }

        if (BasicScanner.TryFindAny(frame, "bid|bid_price"u8, ignoreCase: true, out var bid)
            && BasicScanner.TryFindAny(frame, "ask|ask_price"u8, ignoreCase: true, out var ask))
        {
            if ((error = ReadNonNegative(bid, lenient: true, out e.Bid)) != ErrorCode.None
                || (error = ReadNonNegative(ask, lenient: true, out e.Ask)) != ErrorCode.None)
            {
                return error;
            }

            e.Kind = MarketEventKind.Quote;
            return ErrorCode.None;
        }

        return ErrorCode.ParseMissingField;
    }

    private static Field StrictField(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("type"u8)) return Field.Type;
        if (reader.ValueTextEquals("symbol"u8)) return Field.Symbol;
        if (reader.ValueTextEquals("time"u8)) return Field.Time;
        if (reader.ValueTextEquals("price"u8)) return Field.Price;
        if (reader.ValueTextEquals("size"u8)) return Field.Size;
        if (reader.ValueTextEquals("bid"u8)) return Field.Bid;
        if (reader.ValueTextEquals("bid_size"u8)) return Field.BidSize;
        if (reader.ValueTextEquals("ask"u8)) return Field.Ask;
        if (reader.ValueTextEquals("ask_size"u8)) return Field.AskSize;
        return Field.Unknown;
    }

    private static Field LenientField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Field.Unknown;
        }

        var k = reader.ValueSpan;
        if (LenientJson.KeyEquals(k, "type"u8) || LenientJson.KeyEquals(k, "kind"u8)) return Field.Type;
        if (LenientJson.KeyEquals(k, "symbol"u8) || LenientJson.KeyEquals(k, "sym"u8) || LenientJson.KeyEquals(k, "ticker"u8) || LenientJson.KeyEquals(k, "s"u8)) return Field.Symbol;
        if (LenientJson.KeyEquals(k, "time"u8) || LenientJson.KeyEquals(k, "ts"u8) || LenientJson.KeyEquals(k, "timestamp"u8) || LenientJson.KeyEquals(k, "t"u8)) return Field.Time;
        if (LenientJson.KeyEquals(k, "price"u8) || LenientJson.KeyEquals(k, "px"u8) || LenientJson.KeyEquals(k, "p"u8) || LenientJson.KeyEquals(k, "last"u8)) return Field.Price;
        if (LenientJson.KeyEquals(k, "size"u8) || LenientJson.KeyEquals(k, "qty"u8) || LenientJson.KeyEquals(k, "quantity"u8) || LenientJson.KeyEquals(k, "q"u8) || LenientJson.KeyEquals(k, "volume"u8) || LenientJson.KeyEquals(k, "sz"u8)) return Field.Size;
        if (LenientJson.KeyEquals(k, "bid"u8) || LenientJson.KeyEquals(k, "b"u8) || LenientJson.KeyEquals(k, "bidprice"u8)) return Field.Bid;
        if (LenientJson.KeyEquals(k, "bidsize"u8) || LenientJson.KeyEquals(k, "bidqty"u8) || LenientJson.KeyEquals(k, "bidsz"u8)) return Field.BidSize;
        if (LenientJson.KeyEquals(k, "ask"u8) || LenientJson.KeyEquals(k, "a"u8) || LenientJson.KeyEquals(k, "askprice"u8)) return Field.Ask;
        if (LenientJson.KeyEquals(k, "asksize"u8) || LenientJson.KeyEquals(k, "askqty"u8) || LenientJson.KeyEquals(k, "asksz"u8)) return Field.AskSize;
        return Field.Unknown;
    }

    private static ErrorCode ReadType(ReadOnlySpan<byte> text, bool lenient, out MarketEventKind kind)
    {
        kind = MarketEventKind.None;
        if (lenient ? System.Text.Ascii.EqualsIgnoreCase(text, "trade"u8) : text.SequenceEqual("trade"u8))
        {
            kind = MarketEventKind.Trade;
        }
        else if (lenient ? System.Text.Ascii.EqualsIgnoreCase(text, "quote"u8) : text.SequenceEqual("quote"u8))
        {
            kind = MarketEventKind.Quote;
        }

        return kind == MarketEventKind.None ? ErrorCode.ParseUnknownType : ErrorCode.None;
    }

    private static ErrorCode ReadTime(ReadOnlySpan<byte> text, bool lenient, out long nanos)
    {
        nanos = 0;
        if (lenient)
        {
            text = DecimalText.TrimQuotes(text);
        }

        if (!LenientJson.TryParseInteger(text, out var value))
        {
            return text.Length > 0 && text[0] == (byte)'-' ? ErrorCode.ParseOutOfRange : ErrorCode.ParseBadNumber;
        }

        if (!lenient)
        {
            nanos = value;
            return ErrorCode.None;
        }

        return LenientJson.TryEpochToNanos(value, out nanos) ? ErrorCode.None : ErrorCode.ParseOutOfRange;
    }

    private static ErrorCode ReadNonNegative(ReadOnlySpan<byte> text, bool lenient, out Price price)
    {
        var error = DecimalText.ParseNonNegative(text, lenient, out var raw);
        price = error == ErrorCode.None ? new Price(raw) : default;
        return error;
    }

    private static ErrorCode ReadQuantity(ReadOnlySpan<byte> text, bool lenient, out Quantity quantity)
    {
        var error = ReadNonNegative(text, lenient, out var price);
        quantity = new Quantity(price.Raw);
        return error;
    }
}
