using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// The parser chain's dispatch: one static parser per (format, level), selected by a switch on the source's
/// <see cref="FrameFormat"/> and the <see cref="ParseLevel"/> — no virtual calls on the hot path.
/// </summary>
/// <remarks>
/// Every parser writes its output in place into the slot (the market event, or the signal / command of a task
/// input) and returns an <see cref="ErrorCode"/>; none throws on bad input. The caller clears the outputs before each
/// level, so a level that fails half-way leaves nothing behind for the next one.
/// </remarks>
public static class FrameParsers
{
    /// <summary>Parses <paramref name="frame"/> at <paramref name="level"/> into <paramref name="slot"/>'s outputs.</summary>
    public static ErrorCode Parse(ParseLevel level, ReadOnlySpan<byte> frame, ParseContext context, PipelineSlot slot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(slot);
        switch (context.Format)
        {
            case FrameFormat.LeanTradeTick:
            case FrameFormat.LeanQuoteTick:
            case FrameFormat.LeanTradeBar:
            case FrameFormat.LeanQuoteBar:
                return level switch
                {
                    ParseLevel.Strict => LeanCsvParser.Parse(frame, context, ref slot.Market),
                    ParseLevel.Lenient => LeanCsvParser.ParseLenient(frame, context, ref slot.Market),
                    ParseLevel.Basic => LeanCsvParser.ParseBasic(frame, context, ref slot.Market),
                    _ => ErrorCode.ParseLevelUnsupported,
                };
            case FrameFormat.JsonLines:
                return JsonLinesParser.Parse(level, frame, context, ref slot.Market);
            case FrameFormat.BinanceSpot:
                return BinanceParser.Parse(level, frame, context, ref slot.Market);
            case FrameFormat.TaskInputs:
                slot.HasTaskInput = true; // parse clears Signal and Command on the slot's next lap
                return TaskInputParser.Parse(level, frame, context, ref slot.Signal, ref slot.Command);
            default:
                return ErrorCode.ParseUnknownSource;
        }
    }
}
