using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Parsing;

/// <summary>The basic level of LEAN CSV rows: time and price, or time, bid and ask; the event is partial.</summary>
public static partial class LeanCsvParser
{
    /// <summary>The basic level (see the remarks of this type): the event is partial.</summary>
    public static ErrorCode ParseBasic(ReadOnlySpan<byte> line, ParseContext source, ref MarketEvent e)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<Range> fields = stackalloc Range[MaxLenientFields];
        var error = BeginRow(ref line, fields, ignoreExtraFields: true, source, ref e, out var count);
        if (error != ErrorCode.None)
        {
            return error;
        }

        switch (source.Format)
        {
            case FrameFormat.LeanTradeTick:
                if (count < 2)
                {
                    return ErrorCode.ParseFieldCount;
                }

                e.Kind = MarketEventKind.Trade;
                return LenientPrice(line[fields[1]], source, out e.Price);
            case FrameFormat.LeanTradeBar:
                if (count < 5)
                {
                    return ErrorCode.ParseFieldCount;
                }

                e.Kind = MarketEventKind.TradeBar;
                return LenientPrice(line[fields[4]], source, out e.Price);
            case FrameFormat.LeanQuoteTick:
                if (count < 4)
                {
                    return ErrorCode.ParseFieldCount;
                }

                if ((error = LenientPrice(line[fields[1]], source, out e.Bid)) != ErrorCode.None
                    || (error = LenientPrice(line[fields[3]], source, out e.Ask)) != ErrorCode.None)
                {
                    return error;
                }

                e.Flags |= (e.Bid.IsZero ? MarketEventFlags.NoBid : 0) | (e.Ask.IsZero ? MarketEventFlags.NoAsk : 0);
                e.Kind = MarketEventKind.Quote;
                return ErrorCode.None;
            case FrameFormat.LeanQuoteBar:
                return ErrorCode.ParseLevelUnsupported;
            default:
                return ErrorCode.ParseUnknownSource;
        }
    }
}
