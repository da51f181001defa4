using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Tasks;

namespace RoboTrader.Engine.Parsing;

/// <summary>The lenient level: signals in loose JSON with key aliases and direction words.</summary>
public static partial class TaskInputParser
{
    private static ErrorCode ParseLenient(ReadOnlySpan<byte> json, ParseContext context, ref Signal signal)
    {
        if (!JsonFrame.TryOpenObject(json, lenient: true, out var reader))
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

        if (!JsonFrame.IsClosedAtEnd(ref reader))
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
}
