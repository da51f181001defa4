using RoboTrader.Engine.Core.Tasks;

namespace RoboTrader.Engine.Parsing;

/// <summary>The vocabulary the levels share: key aliases, direction and origin words, confidence and horizon.</summary>
public static partial class TaskInputParser
{
    private static Key LenientKey(ReadOnlySpan<byte> k)
    {
        if (Any(k, "symbol|ticker|sym|instrument|stock"u8)) return Key.Symbol;
        if (Any(k, "action|side|direction|signal|sentiment|recommendation"u8)) return Key.Action;
        if (Any(k, "confidence|conf|score|probability|certainty"u8)) return Key.Confidence;
        if (Any(k, "horizon|timeframe|tf|holdingperiod"u8)) return Key.Horizon;
        if (Any(k, "source|origin|provider"u8)) return Key.Source;
        if (Any(k, "command|cmd|operator"u8)) return Key.Command;
        if (Any(k, "time|timestamp|ts|datetime"u8)) return Key.Time;
        return Key.Unknown;
    }

    private static bool Any(ReadOnlySpan<byte> key, ReadOnlySpan<byte> names)
    {
        foreach (var range in names.Split((byte)'|'))
        {
            if (LenientJson.KeyEquals(key, names[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static SignalDirection Direction(ReadOnlySpan<byte> word)
    {
        word = DecimalText.TrimQuotes(word);
        if (Any(word, "buy|long|bullish|strongbuy|accumulate|overweight|outperform"u8)) return SignalDirection.Buy;
        if (Any(word, "sell|short|bearish|strongsell|reduce|underweight|underperform"u8)) return SignalDirection.Sell;
        if (Any(word, "hold|neutral|flat"u8)) return SignalDirection.Hold;
        return SignalDirection.None;
    }

    private static bool IsCommandWord(ReadOnlySpan<byte> word) => Any(DecimalText.TrimQuotes(word), "halt|resume|stop|setlimit|killswitch"u8);

    private static SignalOrigin Origin(ReadOnlySpan<byte> text)
    {
        if (Any(text, "research|analyst"u8)) return SignalOrigin.Research;
        if (Any(text, "news"u8)) return SignalOrigin.News;
        if (Any(text, "ai|model|llm|ml"u8)) return SignalOrigin.Ai;
        return SignalOrigin.Unknown;
    }

    private static bool TryConfidence(ReadOnlySpan<byte> text, out int bps)
    {
        bps = 0;
        text = DecimalText.TrimQuotes(text);
        var percent = !text.IsEmpty && text[^1] == (byte)'%';
        if (percent)
        {
            text = text[..^1];
        }

        return DecimalText.TryParseLenient(text, out var raw) && TryConfidenceRaw(raw, percent, out bps);
    }

    /// <summary>A fraction (≤ 1) or a percentage (&gt; 1, or marked '%') in fixed point to basis points, rounded.</summary>
    private static bool TryConfidenceRaw(long raw, bool percent, out int bps)
    {
        bps = 0;
        if (raw < 0)
        {
            return false;
        }

        var divisor = percent || raw > Core.Numerics.FixedPoint.Scale ? 1_000_000L : 10_000L;
        var value = (raw + (divisor / 2)) / divisor;
        if (value > MaxConfidenceBps)
        {
            return false;
        }

        bps = (int)value;
        return true;
    }

    private static bool TryHorizon(ReadOnlySpan<byte> text, bool lenient, out long seconds)
    {
        seconds = 0;
        if (lenient)
        {
            text = DecimalText.TrimQuotes(text);
        }

        var i = 0;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }

        if (i == 0 || i > 6 || !CsvFieldReader.TryParseDigits(text[..i], out var n))
        {
            return false;
        }

        var unit = text[i..];
        if (lenient)
        {
            unit = unit.Trim(" "u8);
        }

        long size = unit.SequenceEqual("m"u8) ? 60
            : unit.SequenceEqual("h"u8) ? 3_600
            : unit.SequenceEqual("d"u8) ? 86_400
            : unit.SequenceEqual("w"u8) ? 604_800
            : 0;
        if (size == 0 && lenient)
        {
            size = Any(unit, "min|mins|minute|minutes"u8) ? 60
                : Any(unit, "h|hour|hours|hr|hrs"u8) ? 3_600
                : Any(unit, "d|day|days"u8) ? 86_400
                : Any(unit, "w|week|weeks"u8) ? 604_800
                : 0;
        }

        seconds = n * size;
        return size != 0;
    }
}
