using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// Turns each frame into a typed market event with the parser of its source's format (the strict level; the
/// lenient and basic levels come with the fallback chain). Counts what it parsed; a frame it cannot parse keeps its
/// error code on the slot and is dead-lettered by persist.
/// </summary>
public sealed class ParseStage : IStage
{
    private readonly SourceRegistry _sources;
    private ParseContext[] _contexts = [];
    private readonly long[] _counts = new long[5];

    /// <summary>Creates the stage over the (frozen) source registry.</summary>
    public ParseStage(SourceRegistry sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Parse;

    /// <summary>Events parsed, by kind.</summary>
    public long Parsed(MarketEventKind kind) => _counts[(int)kind];

    /// <summary>Frames parsed at the strict level.</summary>
    public long ParsedStrict { get; private set; }

    /// <summary>Frames no level could parse.</summary>
    public long Failed { get; private set; }

    /// <summary>Suspicious events (trades and quotes).</summary>
    public long Suspicious { get; private set; }

    /// <summary>Builds the per-source contexts; called by the pipeline before the stage threads start.</summary>
    public void Prepare()
    {
        _contexts = _sources.All.Select(d => new ParseContext(d)).ToArray();
    }

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        if (slot.Kind != SlotKind.Frame)
        {
            slot.Market = default;
            slot.ParseLevel = ParseLevel.None;
            slot.ParseError = ErrorCode.None;
            return;
        }

        var contexts = _contexts;
        var id = slot.Source.Value;
        if ((uint)id >= (uint)contexts.Length)
        {
            Fail(slot, ErrorCode.ParseUnknownSource);
            return;
        }

        var error = LeanCsvParser.Parse(slot.Frame, contexts[id], ref slot.Market);
        if (error != ErrorCode.None)
        {
            Fail(slot, error);
            return;
        }

        slot.ParseLevel = ParseLevel.Strict;
        slot.ParseError = ErrorCode.None;
        ParsedStrict++;
        _counts[(int)slot.Market.Kind]++;
        if (slot.Market.IsSuspicious)
        {
            Suspicious++;
        }
    }

    private void Fail(PipelineSlot slot, ErrorCode error)
    {
        slot.Market = default;
        slot.ParseLevel = ParseLevel.None;
        slot.ParseError = error;
        Failed++;
    }

    /// <inheritdoc />
    public void OnStart()
    {
        if (_contexts.Length != _sources.Count)
        {
            Prepare();
        }
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }
}
