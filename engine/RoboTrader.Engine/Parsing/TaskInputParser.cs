using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Tasks;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// Task inputs: signals from research, news and AI services, and operator commands, one per frame.
/// <code>
/// {"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}
/// {"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news","time":"2013-10-07T13:31:00Z"}
/// {"command":"halt"}   {"command":"resume"}   {"command":"reduce"}
/// {"command":"set_limit","limit":"max_position","symbol":"SBIN","value":"1000"}
/// </code>
/// </summary>
/// <remarks>
/// <para>Strict signal: exactly those five keys, lower case; action <c>buy</c>/<c>sell</c>/<c>hold</c>; confidence a
/// JSON number from 0 to 1 with at most 4 decimals (kept as basis points); horizon <c>&lt;n&gt;m|h|d|w</c>; source
/// <c>research</c>/<c>news</c>/<c>ai</c>; an optional sixth key <c>time</c>, the signal's event time as an ISO 8601
/// UTC string (<see cref="IsoTime"/>). Strict command: <c>command</c> halt, resume, reduce or set_limit (with <c>limit</c>
/// max_position, price_band_percent, max_position_notional, max_order_notional, max_gross_exposure, max_net_exposure,
/// daily_loss_limit or max_drawdown_percent, an exact decimal <c>value</c> ≥ 0, and an optional <c>symbol</c>); no other
/// keys but an optional <c>time</c> (read only to order the command among market data). Commands are accepted
/// at the strict level only: a frame that looks like a command (a
/// command/cmd/operator key, or a halt/resume/stop action, or those words in text) fails the other levels with
/// <see cref="ErrorCode.ParseCommandNotStrict"/>.</para>
/// <para>Lenient signal: prose around the object, single quotes, comments, trailing commas; keys in any case with
/// aliases (symbol: ticker, sym, instrument, stock; action: side, direction, signal, sentiment, recommendation;
/// confidence: conf, score, probability, certainty; horizon: timeframe, tf, holdingperiod; source: origin,
/// provider; time: timestamp, ts, datetime, as an ISO 8601 UTC string or epoch seconds, milliseconds, microseconds or
/// nanoseconds told apart by their digit count); action words bullish/long/strong buy/accumulate/overweight, bearish/short/strong sell/reduce/underweight,
/// neutral/flat; confidence as a fraction (0.72), a percentage (72, "72%") or a string; horizon and source optional,
/// horizon units also min/hour(s)/day(s)/week(s); the symbol in any case.</para>
/// <para>Basic signal, from plain text such as <c>SBIN: bullish, confidence 72%</c>: the first word that is a
/// declared symbol, the first direction word, and a confidence if a number is followed by '%' or follows
/// "confidence"; the signal is partial.</para>
/// </remarks>
public static class TaskInputParser
{
    private const int MaxConfidenceBps = 10_000;

    private enum Key : byte
    {
        Unknown,
        Symbol,
        Action,
        Confidence,
        Horizon,
        Source,
        Command,
        Limit,
        Value,
        Time,
    }

    /// <summary>Parses one task input at <paramref name="level"/>.</summary>
    public static ErrorCode Parse(ParseLevel level, ReadOnlySpan<byte> frame, ParseContext context, ref Signal signal, ref Command command)
    {
        ArgumentNullException.ThrowIfNull(context);
        signal = default;
        command = default;
        try
        {
            switch (level)
            {
                case ParseLevel.Strict:
                    return ParseStrict(frame, context, ref signal, ref command);
                case ParseLevel.Lenient:
                    var scratch = context.Scratch(frame.Length * 2);
                    var n = LenientJson.Normalize(frame, scratch);
                    return n < 0 ? ErrorCode.ParseBadSyntax : ParseLenient(scratch[..n], context, ref signal);
                case ParseLevel.Basic:
                    return ParseBasic(frame, context, ref signal);
                default:
                    return ErrorCode.ParseLevelUnsupported;
            }
        }
        catch (JsonException)
        {
            // Utf8JsonReader reports malformed JSON only by throwing; this is the failure path of one frame.
            signal = default;
            command = default;
            return ErrorCode.ParseBadSyntax;
        }
    }

    private static ErrorCode ParseStrict(ReadOnlySpan<byte> json, ParseContext context, ref Signal signal, ref Command command)
    {
        var reader = new Utf8JsonReader(json, LenientJson.StrictOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ErrorCode.ParseBadSyntax;
        }

        ReadOnlySpan<byte> symbol = default, action = default, confidence = default, horizon = default, source = default;
        ReadOnlySpan<byte> name = default, limit = default, value = default, time = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueTextEquals("symbol"u8) ? Key.Symbol
                : reader.ValueTextEquals("action"u8) ? Key.Action
                : reader.ValueTextEquals("confidence"u8) ? Key.Confidence
                : reader.ValueTextEquals("horizon"u8) ? Key.Horizon
                : reader.ValueTextEquals("source"u8) ? Key.Source
                : reader.ValueTextEquals("command"u8) ? Key.Command
                : reader.ValueTextEquals("limit"u8) ? Key.Limit
                : reader.ValueTextEquals("value"u8) ? Key.Value
                : reader.ValueTextEquals("time"u8) ? Key.Time
                : Key.Unknown;
            if (key == Key.Unknown || (seen & (1 << (int)key)) != 0)
            {
                return ErrorCode.ParseUnexpectedField;
            }

            seen |= 1 << (int)key;
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || reader.ValueIsEscaped)
            {
                return ErrorCode.ParseBadSyntax;
            }

            var isNumber = reader.TokenType == JsonTokenType.Number;
            if (isNumber != (key == Key.Confidence) && key != Key.Value)
            {
                return ErrorCode.ParseBadSyntax; // confidence is a number; every other field but value is a string
            }

            var text = reader.ValueSpan;
            switch (key)
            {
                case Key.Symbol: symbol = text; break;
                case Key.Action: action = text; break;
                case Key.Confidence: confidence = text; break;
                case Key.Horizon: horizon = text; break;
                case Key.Source: source = text; break;
                case Key.Command: name = text; break;
                case Key.Limit: limit = text; break;
                case Key.Value: value = text; break;
                case Key.Time: time = text; break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return ErrorCode.ParseBadSyntax;
        }

        if ((seen & (1 << (int)Key.Command)) != 0)
        {
            return StrictCommand(seen, name, limit, value, symbol, time, context, ref command);
        }

        const int signalKeys = (1 << (int)Key.Symbol) | (1 << (int)Key.Action) | (1 << (int)Key.Confidence) | (1 << (int)Key.Horizon) | (1 << (int)Key.Source);
        const int timeKey = 1 << (int)Key.Time;
        if ((seen & ~timeKey) != signalKeys)
        {
            return (seen & ~(signalKeys | timeKey)) != 0 ? ErrorCode.ParseUnexpectedField : ErrorCode.ParseMissingField;
        }

        if ((seen & timeKey) != 0 && !IsoTime.TryParse(time, out signal.TimeNanos))
        {
            signal = default;
            return ErrorCode.ParseBadNumber;
        }

        if (!context.TryGetSymbol(symbol, ignoreCase: false, out signal.Symbol))
        {
            return ErrorCode.ParseUnknownSymbol;
        }

        signal.Direction = action.SequenceEqual("buy"u8) ? SignalDirection.Buy
            : action.SequenceEqual("sell"u8) ? SignalDirection.Sell
            : action.SequenceEqual("hold"u8) ? SignalDirection.Hold
            : SignalDirection.None;
        signal.Origin = source.SequenceEqual("research"u8) ? SignalOrigin.Research
            : source.SequenceEqual("news"u8) ? SignalOrigin.News
            : source.SequenceEqual("ai"u8) ? SignalOrigin.Ai
            : SignalOrigin.Unknown;
        if (signal.Direction == SignalDirection.None || signal.Origin == SignalOrigin.Unknown)
        {
            signal = default;
            return ErrorCode.ParseUnknownType;
        }

        if (!DecimalText.TryParseStrict(confidence, out var raw) || raw % 10_000 != 0)
        {
            signal = default;
            return ErrorCode.ParseBadNumber;
        }

        if (raw is < 0 or > 100_000_000 || !TryHorizon(horizon, lenient: false, out signal.HorizonSeconds))
        {
            signal = default;
            return ErrorCode.ParseOutOfRange;
        }

        signal.ConfidenceBps = (int)(raw / 10_000);
        return ErrorCode.None;
    }

    private static ErrorCode StrictCommand(int seen, ReadOnlySpan<byte> name, ReadOnlySpan<byte> limit, ReadOnlySpan<byte> value, ReadOnlySpan<byte> symbol, ReadOnlySpan<byte> time, ParseContext context, ref Command command)
    {
        const int signalOnly = (1 << (int)Key.Action) | (1 << (int)Key.Confidence) | (1 << (int)Key.Horizon) | (1 << (int)Key.Source);
        if ((seen & signalOnly) != 0)
        {
            return ErrorCode.ParseUnexpectedField;
        }

        if ((seen & (1 << (int)Key.Time)) != 0 && !IsoTime.TryParse(time, out _))
        {
            return ErrorCode.ParseBadNumber;
        }

        command.Symbol = SymbolId.None;
        if (!symbol.IsEmpty && !context.TryGetSymbol(symbol, ignoreCase: false, out command.Symbol))
        {
            command = default;
            return ErrorCode.ParseUnknownSymbol;
        }

        var hasLimit = (seen & ((1 << (int)Key.Limit) | (1 << (int)Key.Value))) != 0;
        var state = name.SequenceEqual("halt"u8) ? CommandKind.Halt
            : name.SequenceEqual("resume"u8) ? CommandKind.Resume
            : name.SequenceEqual("reduce"u8) ? CommandKind.Reduce
            : CommandKind.None;
        if (state != CommandKind.None)
        {
            if (hasLimit)
            {
                command = default;
                return ErrorCode.ParseUnexpectedField;
            }

            command.Kind = state;
            return ErrorCode.None;
        }

        if (!name.SequenceEqual("set_limit"u8))
        {
            command = default;
            return ErrorCode.ParseUnknownType;
        }

        command.Limit = LimitOf(limit);
        if (command.Limit == CommandLimit.None || value.IsEmpty)
        {
            command = default;
            return limit.IsEmpty || value.IsEmpty ? ErrorCode.ParseMissingField : ErrorCode.ParseUnknownType;
        }

        if (!DecimalText.TryParseStrict(value, out command.Value) || command.Value < 0)
        {
            command = default;
            return ErrorCode.ParseBadNumber;
        }

        command.Kind = CommandKind.SetLimit;
        return ErrorCode.None;
    }

    /// <summary>The set_limit names; each is the command-line option's name with '_' for '-'.</summary>
    private static CommandLimit LimitOf(ReadOnlySpan<byte> limit)
        => limit.SequenceEqual("max_position"u8) ? CommandLimit.MaxPosition
            : limit.SequenceEqual("price_band_percent"u8) ? CommandLimit.PriceBandPercent
            : limit.SequenceEqual("max_position_notional"u8) ? CommandLimit.MaxPositionNotional
            : limit.SequenceEqual("max_order_notional"u8) ? CommandLimit.MaxOrderNotional
            : limit.SequenceEqual("max_gross_exposure"u8) ? CommandLimit.MaxGrossExposure
            : limit.SequenceEqual("max_net_exposure"u8) ? CommandLimit.MaxNetExposure
            : limit.SequenceEqual("daily_loss_limit"u8) ? CommandLimit.DailyLossLimit
            : limit.SequenceEqual("max_drawdown_percent"u8) ? CommandLimit.MaxDrawdownPercent
            : CommandLimit.None;

    private static ErrorCode ParseLenient(ReadOnlySpan<byte> json, ParseContext context, ref Signal signal)
    {
        var reader = new Utf8JsonReader(json, LenientJson.LenientOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ErrorCode.ParseBadSyntax;
        }

        Span<byte> buffer = stackalloc byte[64];
        var haveSymbol = false;
        var error = ErrorCode.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueIsEscaped ? Key.Unknown : LenientKey(reader.ValueSpan);
            if (!reader.Read())
            {
                return ErrorCode.ParseBadSyntax;
            }

            if (key == Key.Command)
            {
                signal = default;
                return ErrorCode.ParseCommandNotStrict;
            }

            if (key == Key.Unknown || !LenientJson.TryGetScalarText(in reader, buffer, out var text))
            {
                reader.Skip();
                continue;
            }

            switch (key)
            {
                case Key.Symbol:
                    haveSymbol = context.TryGetSymbol(text, ignoreCase: true, out signal.Symbol);
                    if (!haveSymbol)
                    {
                        error = ErrorCode.ParseUnknownSymbol;
                    }

                    break;
                case Key.Action:
                    signal.Direction = Direction(text);
                    if (signal.Direction == SignalDirection.None)
                    {
                        error = IsCommandWord(text) ? ErrorCode.ParseCommandNotStrict : ErrorCode.ParseUnknownType;
                    }

                    break;
                case Key.Confidence:
                    if (!TryConfidence(text, out signal.ConfidenceBps))
                    {
                        error = ErrorCode.ParseBadNumber;
                    }

                    break;
                case Key.Horizon:
                    if (!TryHorizon(text, lenient: true, out signal.HorizonSeconds))
                    {
                        error = ErrorCode.ParseBadNumber;
                    }

                    break;
                case Key.Source:
                    signal.Origin = Origin(text);
                    break;
                case Key.Time:
                    // Tolerant: an unreadable time is dropped (the signal is then stamped by decide), not an error.
                    if (!IsoTime.TryParse(text, out signal.TimeNanos) && !IsoTime.TryParseEpoch(text, out signal.TimeNanos))
                    {
                        signal.TimeNanos = 0;
                    }

                    break;
            }

            if (error != ErrorCode.None)
            {
                signal = default;
                return error;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            signal = default;
            return ErrorCode.ParseBadSyntax;
        }

        if (!haveSymbol || signal.Direction == SignalDirection.None)
        {
            signal = default;
            return ErrorCode.ParseMissingField;
        }

        return ErrorCode.None;
    }

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
