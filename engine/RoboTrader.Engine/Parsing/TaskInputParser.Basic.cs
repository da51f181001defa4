using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Tasks;

namespace RoboTrader.Engine.Parsing;

/// <summary>The basic level: a partial signal from plain text.</summary>
public static partial class TaskInputParser
{
    private static ErrorCode ParseBasic(ReadOnlySpan<byte> text, ParseContext context, ref Signal signal)
    {
        var haveSymbol = false;
        var previousWasConfidence = false;
        var rest = text;
        while (NextWord(ref rest, out var word, out var percent))
        {
            if (IsCommandWord(word) || LenientJson.KeyEquals(word, "command"u8))
            {
                signal = default;
                return ErrorCode.ParseCommandNotStrict;
            }

            if (!haveSymbol && context.TryGetSymbol(word, ignoreCase: true, out signal.Symbol))
            {
                haveSymbol = true;
                continue;
            }

            if (signal.Direction == SignalDirection.None && (signal.Direction = Direction(word)) != SignalDirection.None)
            {
                continue;
            }

            if (signal.ConfidenceBps == 0 && (percent || previousWasConfidence) && DecimalText.TryParseLenient(word, out var raw))
            {
                _ = TryConfidenceRaw(raw, percent, out signal.ConfidenceBps);
            }

            previousWasConfidence = LenientJson.KeyEquals(word, "confidence"u8) || LenientJson.KeyEquals(word, "conf"u8);
        }

        if (!haveSymbol)
        {
            signal = default;
            return ErrorCode.ParseUnknownSymbol;
        }

        if (signal.Direction == SignalDirection.None)
        {
            signal = default;
            return ErrorCode.ParseMissingField;
        }

        signal.IsPartial = true;
        return ErrorCode.None;
    }

    /// <summary>The next word: a run of letters, digits and <c>. _ &amp; -</c>; <paramref name="percent"/> when a '%' follows it.</summary>
    private static bool NextWord(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> word, out bool percent)
    {
        // A loop, not recursion: a frame of a million "." must not exhaust the stack.
        while (true)
        {
            var i = 0;
            while (i < rest.Length && !IsWordPart(rest[i]))
            {
                i++;
            }

            var start = i;
            while (i < rest.Length && IsWordPart(rest[i]))
            {
                i++;
            }

            word = rest[start..i].TrimEnd("."u8);
            percent = i < rest.Length && rest[i] == (byte)'%';
            rest = rest[i..];
            if (!word.IsEmpty)
            {
                return true;
            }

            if (rest.IsEmpty)
            {
                return false;
            }
        }
    }

    private static bool IsWordPart(byte b) => BasicScanner.IsWordByte(b) || b is (byte)'.' or (byte)'&' or (byte)'-';
}
