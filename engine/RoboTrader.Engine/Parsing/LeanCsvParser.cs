using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// The strict level for LEAN's equity CSV rows: exact field counts, non-negative integers, prices as integer counts
/// of 10^-<c>PriceDecimals</c> dollars, time as milliseconds since local midnight. Allocation-free.
/// </summary>
/// <remarks>Errors are returned as codes, never thrown.</remarks>
public static partial class LeanCsvParser
{
    /// <summary>Milliseconds in a day: a row's time must be below it.</summary>
    public const long MillisecondsPerDay = 86_400_000;

    /// <summary>Parses one row of <paramref name="source"/>'s format into <paramref name="e"/>.</summary>
    public static ErrorCode Parse(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        ArgumentNullException.ThrowIfNull(source);
        e = default;
        e.Symbol = source.Symbol;
        return source.Format switch
        {
            FrameFormat.LeanTradeTick => ParseTradeTick(line, source, ref e),
            FrameFormat.LeanQuoteTick => ParseQuoteTick(line, source, ref e),
            FrameFormat.LeanTradeBar => ParseTradeBar(line, source, ref e),
            FrameFormat.LeanQuoteBar => ParseQuoteBar(line, source, ref e),
            _ => ErrorCode.ParseUnknownSource,
        };
    }

    private static ErrorCode ParseTradeTick(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        var r = new CsvFieldReader(line);
        ErrorCode error;
        if ((error = ReadTime(ref r, source, ref e)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.Price)) != ErrorCode.None
            || (error = ReadQuantity(ref r, out e.Size)) != ErrorCode.None
            || (error = ReadTail(ref r, ref e)) != ErrorCode.None)
        {
            return error;
        }

        e.Kind = MarketEventKind.Trade;
        return ErrorCode.None;
    }

    private static ErrorCode ParseQuoteTick(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        var r = new CsvFieldReader(line);
        ErrorCode error;
        if ((error = ReadTime(ref r, source, ref e)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.Bid)) != ErrorCode.None
            || (error = ReadQuantity(ref r, out e.BidSize)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.Ask)) != ErrorCode.None
            || (error = ReadQuantity(ref r, out e.AskSize)) != ErrorCode.None
            || (error = ReadTail(ref r, ref e)) != ErrorCode.None)
        {
            return error;
        }

        if (e.Bid.IsZero && e.BidSize.IsZero)
        {
            e.Flags |= MarketEventFlags.NoBid;
        }

        if (e.Ask.IsZero && e.AskSize.IsZero)
        {
            e.Flags |= MarketEventFlags.NoAsk;
        }

        e.Kind = MarketEventKind.Quote;
        return ErrorCode.None;
    }

    private static ErrorCode ParseTradeBar(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        var r = new CsvFieldReader(line);
        ErrorCode error;
        if ((error = ReadTime(ref r, source, ref e)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.Open)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.High)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.Low)) != ErrorCode.None
            || (error = ReadPrice(ref r, source, out e.Price)) != ErrorCode.None
            || (error = ReadQuantity(ref r, out e.Size)) != ErrorCode.None)
        {
            return error;
        }

        if (!r.AtEnd)
        {
            return ErrorCode.ParseFieldCount;
        }

        e.Kind = MarketEventKind.TradeBar;
        return ErrorCode.None;
    }

    private static ErrorCode ParseQuoteBar(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        var r = new CsvFieldReader(line);
        var error = ReadTime(ref r, source, ref e);
        if (error != ErrorCode.None)
        {
            return error;
        }

        // bid open, high, low, close, last size; then the same for the ask. A side may be empty (absent).
        Span<long> values = stackalloc long[10];
        var present = 0;
        for (var i = 0; i < 10; i++)
        {
            if (!r.TryNext(out var field))
            {
                return ErrorCode.ParseFieldCount;
            }

            if (field.IsEmpty)
            {
                values[i] = -1;
                continue;
            }

            if (!CsvFieldReader.TryParseDigits(field, out values[i]))
            {
                return ErrorCode.ParseBadNumber;
            }

            present |= 1 << i;
        }

        if (!r.AtEnd)
        {
            return ErrorCode.ParseFieldCount;
        }

        if ((present & 0x1F) == 0x1F)
        {
            if (!TryScale(values[3], source, out e.Bid) || !TryUnits(values[4], out e.BidSize))
            {
                return ErrorCode.ParseOutOfRange;
            }
        }
        else
        {
            e.Flags |= MarketEventFlags.NoBid;
        }

        if ((present & 0x3E0) == 0x3E0)
        {
            if (!TryScale(values[8], source, out e.Ask) || !TryUnits(values[9], out e.AskSize))
            {
                return ErrorCode.ParseOutOfRange;
            }
        }
        else
        {
            e.Flags |= MarketEventFlags.NoAsk;
        }

        e.Kind = MarketEventKind.QuoteBar;
        return ErrorCode.None;
    }

    private static ErrorCode ReadTime(ref CsvFieldReader r, ParseContext source, ref MarketEvent e)
    {
        if (!r.TryNext(out var field))
        {
            return ErrorCode.ParseFieldCount;
        }

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

    private static ErrorCode ReadPrice(ref CsvFieldReader r, ParseContext source, out Price price)
    {
        price = default;
        if (!r.TryNext(out var field))
        {
            return ErrorCode.ParseFieldCount;
        }

        if (!CsvFieldReader.TryParseDigits(field, out var value))
        {
            return ErrorCode.ParseBadNumber;
        }

        return TryScale(value, source, out price) ? ErrorCode.None : ErrorCode.ParseOutOfRange;
    }

    private static ErrorCode ReadQuantity(ref CsvFieldReader r, out Quantity quantity)
    {
        quantity = default;
        if (!r.TryNext(out var field))
        {
            return ErrorCode.ParseFieldCount;
        }

        if (!CsvFieldReader.TryParseDigits(field, out var value))
        {
            return ErrorCode.ParseBadNumber;
        }

        return TryUnits(value, out quantity) ? ErrorCode.None : ErrorCode.ParseOutOfRange;
    }

    /// <summary>exchange, condition (hexadecimal sale-condition flags, as LEAN writes them), suspicious — the common tail of tick rows.</summary>
    private static ErrorCode ReadTail(ref CsvFieldReader r, ref MarketEvent e)
    {
        if (!r.TryNext(out var exchange) || !r.TryNext(out var condition) || !r.TryNext(out var suspicious))
        {
            return ErrorCode.ParseFieldCount;
        }

        if (!r.AtEnd)
        {
            return ErrorCode.ParseFieldCount;
        }

        e.Exchange = exchange.IsEmpty ? (byte)0 : exchange[0];
        if (condition.IsEmpty)
        {
            e.Condition = 0;
        }
        else if (!CsvFieldReader.TryParseHex(condition, out e.Condition))
        {
            return ErrorCode.ParseBadNumber;
        }

        if (suspicious.Length != 1 || (suspicious[0] != (byte)'0' && suspicious[0] != (byte)'1'))
        {
            return ErrorCode.ParseBadNumber;
        }

        if (suspicious[0] == (byte)'1')
        {
            e.Flags |= MarketEventFlags.Suspicious;
        }

        return ErrorCode.None;
    }

    private static bool TryScale(long value, ParseContext source, out Price price)
    {
        if (value > source.MaxScaledValue)
        {
            price = default;
            return false;
        }

        price = new Price(value * source.PriceMultiplier);
        return true;
    }

    private static bool TryUnits(long value, out Quantity quantity)
    {
        if (value > long.MaxValue / FixedPoint.Scale)
        {
            quantity = default;
            return false;
        }

        quantity = new Quantity(value * FixedPoint.Scale);
        return true;
    }
}
