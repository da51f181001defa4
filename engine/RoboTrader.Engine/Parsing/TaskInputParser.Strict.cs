using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Tasks;

namespace RoboTrader.Engine.Parsing;

/// <summary>The strict level: exact signals and operator commands.</summary>
public static partial class TaskInputParser
{
    private static ErrorCode ParseStrict(ReadOnlySpan<byte> json, ParseContext context, ref Signal signal, ref Command command)
    {
        if (!JsonFrame.TryOpenObject(json, lenient: false, out var reader))
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

        if (!JsonFrame.IsClosedAtEnd(ref reader))
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
}
