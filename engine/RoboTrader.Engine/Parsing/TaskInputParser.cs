using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
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
public static partial class TaskInputParser
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
                    return JsonFrame.TryNormalize(frame, context, out var json) ? ParseLenient(json, context, ref signal) : ErrorCode.ParseBadSyntax;
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
}
