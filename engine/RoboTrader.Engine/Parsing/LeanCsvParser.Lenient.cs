using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Parsing;

/// <summary>The lenient and basic levels of LEAN CSV rows.</summary>
/// <remarks>
/// Lenient tolerates, on top of the strict schema: a UTF-8 byte-order mark, ASCII whitespace and CR/LF around the
/// row and around each field; prices written as decimal dollars (<c>13.94</c>) — unambiguous, since LEAN's scaled
/// integer prices never contain a '.' or an exponent — or with an exponent; sizes with decimals (<c>100.0</c>);
/// missing trailing tick fields (exchange, condition, suspicious: default none, 0, not suspicious); suspicious
/// written as <c>true</c>/<c>false</c>. It still requires the field order, a time below 24 h and non-negative
/// numbers. Basic keeps only time and price (trade ticks; trade bars: time and close), or time, bid and ask (quote
/// ticks), ignoring every other field, and marks the event partial; quote bars have no basic level.
/// </remarks>
public static partial class LeanCsvParser
{
    private const int MaxLenientFields = 12;

    /// <summary>The lenient level (see the remarks of this type).</summary>
    public static ErrorCode ParseLenient(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<Range> fields = stackalloc Range[MaxLenientFields];
        var error = BeginRow(ref line, fields, ignoreExtraFields: false, source, ref e, out var count);
        if (error != ErrorCode.None)
        {
            return error;
        }

        switch (source.Format)
        {
            case FrameFormat.LeanTradeTick:
                if (count is < 3 or > 6)
                {
                    return ErrorCode.ParseFieldCount;
                }

                if ((error = LenientPrice(line[fields[1]], source, out e.Price)) != ErrorCode.None
                    || (error = LenientQuantity(line[fields[2]], out e.Size)) != ErrorCode.None
                    || (error = LenientTail(line, fields[3..count], ref e)) != ErrorCode.None)
                {
                    return error;
                }

                e.Kind = MarketEventKind.Trade;
                return ErrorCode.None;
            case FrameFormat.LeanQuoteTick:
                if (count is < 5 or > 8)
                {
                    return ErrorCode.ParseFieldCount;
                }

                if ((error = LenientPrice(line[fields[1]], source, out e.Bid)) != ErrorCode.None
                    || (error = LenientQuantity(line[fields[2]], out e.BidSize)) != ErrorCode.None
                    || (error = LenientPrice(line[fields[3]], source, out e.Ask)) != ErrorCode.None
                    || (error = LenientQuantity(line[fields[4]], out e.AskSize)) != ErrorCode.None
                    || (error = LenientTail(line, fields[5..count], ref e)) != ErrorCode.None)
                {
                    return error;
                }

                MarkMissingSides(ref e);
                e.Kind = MarketEventKind.Quote;
                return ErrorCode.None;
            case FrameFormat.LeanTradeBar:
                if (count != 6)
                {
                    return ErrorCode.ParseFieldCount;
                }

                if ((error = LenientPrice(line[fields[1]], source, out e.Open)) != ErrorCode.None
                    || (error = LenientPrice(line[fields[2]], source, out e.High)) != ErrorCode.None
                    || (error = LenientPrice(line[fields[3]], source, out e.Low)) != ErrorCode.None
                    || (error = LenientPrice(line[fields[4]], source, out e.Price)) != ErrorCode.None
                    || (error = LenientQuantity(line[fields[5]], out e.Size)) != ErrorCode.None)
                {
                    return error;
                }

                e.Kind = MarketEventKind.TradeBar;
                return ErrorCode.None;
            case FrameFormat.LeanQuoteBar:
                return LenientQuoteBar(line, fields[..count], source, ref e);
            default:
                return ErrorCode.ParseUnknownSource;
        }
    }

    /// <summary>
    /// The lenient and basic levels' common start: resets <paramref name="e"/> to the source's symbol, trims and
    /// splits the row into <paramref name="fields"/> and reads the time, the first field. A row with more fields than
    /// <paramref name="fields"/> holds fails with <see cref="ErrorCode.ParseFieldCount"/>, unless
    /// <paramref name="ignoreExtraFields"/> (basic reads only the first few), when <paramref name="count"/> is the
    /// capacity.
    /// </summary>
    private static ErrorCode BeginRow(ref ReadOnlySpan<byte> line, scoped Span<Range> fields, bool ignoreExtraFields, ParseContext source, ref MarketEvent e, out int count)
    {
        e = default;
        e.Symbol = source.Symbol;
        line = TrimRow(line);
        count = Split(line, fields);
        if (count == 0)
        {
            return ErrorCode.ParseBadFrame;
        }

        if (count < 0)
        {
            if (!ignoreExtraFields)
            {
                return ErrorCode.ParseFieldCount;
            }

            count = fields.Length; // basic ignores the fields past the ones it needs
        }

        return LenientTime(line[fields[0]], source, ref e);
    }

    private static ErrorCode LenientQuoteBar(ReadOnlySpan<byte> line, ReadOnlySpan<Range> fields, ParseContext source, ref MarketEvent e)
    {
        if (fields.Length != 11)
        {
            return ErrorCode.ParseFieldCount;
        }

        bool bid = true, ask = true;
        for (var i = 1; i <= 10; i++)
        {
            if (line[fields[i]].IsEmpty)
            {
                if (i <= 5)
                {
                    bid = false;
                }
                else
                {
                    ask = false;
                }
            }
        }

        ErrorCode error;
        if (bid)
        {
            if ((error = LenientPrice(line[fields[4]], source, out e.Bid)) != ErrorCode.None
                || (error = LenientQuantity(line[fields[5]], out e.BidSize)) != ErrorCode.None)
            {
                return error;
            }
        }
        else
        {
            e.Flags |= MarketEventFlags.NoBid;
        }

        if (ask)
        {
            if ((error = LenientPrice(line[fields[9]], source, out e.Ask)) != ErrorCode.None
                || (error = LenientQuantity(line[fields[10]], out e.AskSize)) != ErrorCode.None)
            {
                return error;
            }
        }
        else
        {
            e.Flags |= MarketEventFlags.NoAsk;
        }

        e.Kind = MarketEventKind.QuoteBar;
        return ErrorCode.None;
    }

    private static ErrorCode LenientTail(ReadOnlySpan<byte> line, ReadOnlySpan<Range> tail, ref MarketEvent e)
    {
        if (tail.Length > 0)
        {
            var exchange = line[tail[0]];
            e.Exchange = exchange.IsEmpty ? (byte)0 : exchange[0];
        }

        if (tail.Length > 1)
        {
            var condition = line[tail[1]];
            if (!condition.IsEmpty && !CsvFieldReader.TryParseHex(condition, out e.Condition))
            {
                return ErrorCode.ParseBadNumber;
            }
        }

        if (tail.Length > 2)
        {
            var suspicious = line[tail[2]];
            if (suspicious.SequenceEqual("1"u8) || suspicious.SequenceEqual("true"u8) || suspicious.SequenceEqual("True"u8))
            {
                e.Flags |= MarketEventFlags.Suspicious;
            }
            else if (!suspicious.IsEmpty && !suspicious.SequenceEqual("0"u8) && !suspicious.SequenceEqual("false"u8) && !suspicious.SequenceEqual("False"u8))
            {
                return ErrorCode.ParseBadNumber;
            }
        }

        return ErrorCode.None;
    }

    private static void MarkMissingSides(ref MarketEvent e)
    {
        if (e.Bid.IsZero && e.BidSize.IsZero)
        {
            e.Flags |= MarketEventFlags.NoBid;
        }

        if (e.Ask.IsZero && e.AskSize.IsZero)
        {
            e.Flags |= MarketEventFlags.NoAsk;
        }
    }

    private static ErrorCode LenientTime(ReadOnlySpan<byte> field, ParseContext source, ref MarketEvent e)
    {
        if (!CsvFieldReader.TryParseDigits(field, out var ms))
        {
            return ErrorCode.ParseBadNumber;
        }

        if (ms >= MillisecondsPerDay)
        {
            return ErrorCode.ParseOutOfRange;
        }

        e.TimeNanos = source.Day.ToUtcNanos(ms);
        return ErrorCode.None;
    }

    /// <summary>An integer is LEAN's scaled price; a number with '.' or an exponent is in currency units.</summary>
    private static ErrorCode LenientPrice(ReadOnlySpan<byte> field, ParseContext source, out Price price)
    {
        price = default;
        if (field.IndexOfAny(".eE"u8) < 0)
        {
            if (!CsvFieldReader.TryParseDigits(field, out var scaled))
            {
                return field.Length > 0 && field[0] == (byte)'-' ? ErrorCode.ParseOutOfRange : ErrorCode.ParseBadNumber;
            }

            return TryScale(scaled, source, out price) ? ErrorCode.None : ErrorCode.ParseOutOfRange;
        }

        var error = DecimalText.ParseNonNegative(field, lenient: true, out var raw);
        if (error == ErrorCode.None)
        {
            price = new Price(raw);
        }

        return error;
    }

    private static ErrorCode LenientQuantity(ReadOnlySpan<byte> field, out Quantity quantity)
    {
        var error = DecimalText.ParseNonNegative(field, lenient: true, out var raw);
        quantity = error == ErrorCode.None ? new Quantity(raw) : default;
        return error;
    }

    /// <summary>Strips a UTF-8 byte-order mark and ASCII whitespace (CR/LF included) around the row.</summary>
    private static ReadOnlySpan<byte> TrimRow(ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t\r\n"u8);
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..].Trim(" \t\r\n"u8);
        }

        return line;
    }

    /// <summary>Splits on ',' into trimmed field ranges; returns the count, 0 for an empty row, −1 when there are too many fields.</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        if (line.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        var start = 0;
        while (true)
        {
            if (count == fields.Length)
            {
                return -1;
            }

            var comma = line[start..].IndexOf((byte)',');
            var end = comma < 0 ? line.Length : start + comma;
            var s = start;
            var t = end;
            while (s < t && IsSpace(line[s]))
            {
                s++;
            }

            while (t > s && IsSpace(line[t - 1]))
            {
                t--;
            }

            fields[count++] = new Range(s, t);
            if (comma < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
