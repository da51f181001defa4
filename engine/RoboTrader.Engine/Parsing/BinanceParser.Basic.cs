using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Parsing;

/// <summary>The basic level: a partial trade or quote from fields found anywhere in the frame.</summary>
public static partial class BinanceParser
{
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
            if ((error = DecimalText.ParseNonNegative(price, lenient: true, out var raw)) != ErrorCode.None)
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
            if ((error = DecimalText.ParseNonNegative(bid, lenient: true, out var b)) != ErrorCode.None
                || (error = DecimalText.ParseNonNegative(ask, lenient: true, out var a)) != ErrorCode.None)
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
