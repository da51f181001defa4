using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Parsing;

/// <summary>The strict and lenient levels' mapping of collected fields to a market event.</summary>
public static partial class BinanceParser
{
    private const long MaxMilliseconds = 100_000_000_000_000L;

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

                if ((error = DecimalText.ParseNonNegative(f.Price, lenient, out var price)) != ErrorCode.None
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
            if ((error = DecimalText.ParseNonNegative(f.Bid, lenient, out var bid)) != ErrorCode.None
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
            if ((error = DecimalText.ParseNonNegative(f.Ask, lenient, out var ask)) != ErrorCode.None
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

    private static ErrorCode OptionalDecimal(ReadOnlySpan<byte> text, bool lenient, out long raw)
    {
        raw = 0;
        return text.IsEmpty && lenient ? ErrorCode.None : DecimalText.ParseNonNegative(text, lenient, out raw);
    }
}
