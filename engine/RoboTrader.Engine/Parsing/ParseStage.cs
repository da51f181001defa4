using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// Parse with fallback: turns each frame into a typed event with its format's parser chain, strict → lenient →
/// basic, and writes the level that succeeded on the slot. Counts per level, per source (and so per format), and per
/// event kind. A frame no level understands keeps each level's error code on the slot and is dead-lettered by persist.
/// </summary>
/// <remarks>
/// Called only from the parse stage's thread. The strict path allocates nothing; the fallback levels run in a
/// separate method. A level that throws (a parser bug) is recorded as <see cref="ErrorCode.ParseInternalError"/> for
/// that level and the chain goes on: nothing escapes the stage, so <c>ingested = strict + lenient + basic +
/// dead-lettered</c> holds by construction.
/// </remarks>
public sealed class ParseStage : IStage, ICheckpointable
{
    private const int Levels = 4; // None (dead-lettered), Strict, Lenient, Basic

    private readonly SourceRegistry _sources;
    private ParseContext[] _contexts = [];
    private long[] _levelCounts = new long[Levels];
    private readonly long[] _counts = new long[8];

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

    /// <summary>Frames parsed at the lenient level.</summary>
    public long ParsedLenient { get; private set; }

    /// <summary>Frames parsed at the basic level (partial events).</summary>
    public long ParsedBasic { get; private set; }

    /// <summary>Frames no level could parse (each is dead-lettered with its bytes).</summary>
    public long DeadLettered { get; private set; }

    /// <summary>Suspicious events (trades and quotes).</summary>
    public long Suspicious { get; private set; }

    /// <summary>Signals parsed (any level).</summary>
    public long Signals { get; private set; }

    /// <summary>Operator commands parsed (strict only).</summary>
    public long Commands { get; private set; }

    /// <summary>Frames of <paramref name="source"/> parsed at <paramref name="level"/>; <see cref="ParseLevel.None"/> counts its dead letters.</summary>
    public long Count(SourceId source, ParseLevel level)
    {
        var index = (source.Value * Levels) + (int)level;
        return (uint)index < (uint)_levelCounts.Length ? _levelCounts[index] : 0;
    }

    /// <summary>Frames of every source of <paramref name="format"/> parsed at <paramref name="level"/>.</summary>
    public long Count(FrameFormat format, ParseLevel level)
    {
        long total = 0;
        var contexts = _contexts;
        for (var i = 0; i < contexts.Length; i++)
        {
            if (contexts[i].Format == format)
            {
                total += _levelCounts[(i * Levels) + (int)level];
            }
        }

        return total;
    }

    /// <summary>Builds the per-source contexts and counters; called by the pipeline before the stage threads start.</summary>
    public void Prepare()
    {
        _contexts = _sources.All.Select(d => new ParseContext(d)).ToArray();
        _levelCounts = new long[(_contexts.Length + 1) * Levels];
    }

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        if (slot.Kind != SlotKind.Frame)
        {
            Clear(slot);
            slot.ParseLevel = ParseLevel.None;
            slot.ParseError = ErrorCode.None;
            slot.LenientError = ErrorCode.None;
            slot.BasicError = ErrorCode.None;
            return;
        }

        var contexts = _contexts;
        var id = slot.Source.Value;
        if ((uint)id >= (uint)contexts.Length)
        {
            Clear(slot);
            DeadLetter(slot, contexts.Length, ErrorCode.ParseUnknownSource, ErrorCode.ParseUnknownSource, ErrorCode.ParseUnknownSource);
            return;
        }

        var context = contexts[id];
        Clear(slot);
        var strict = TryLevel(ParseLevel.Strict, slot, context);
        if (strict == ErrorCode.None)
        {
            Succeed(slot, id, ParseLevel.Strict);
            ParsedStrict++;
            return;
        }

        Fallback(slot, id, context, strict);
    }

    /// <summary>The slow path: lenient, then basic, then the dead letter.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fallback(PipelineSlot slot, int id, ParseContext context, ErrorCode strict)
    {
        Clear(slot);
        var lenient = TryLevel(ParseLevel.Lenient, slot, context);
        if (lenient == ErrorCode.None)
        {
            Succeed(slot, id, ParseLevel.Lenient);
            ParsedLenient++;
            return;
        }

        Clear(slot);
        var basic = TryLevel(ParseLevel.Basic, slot, context);
        if (basic == ErrorCode.None)
        {
            if (slot.Market.Kind != MarketEventKind.None)
            {
                slot.Market.Flags |= MarketEventFlags.Partial;
            }

            if (slot.HasTaskInput)
            {
                slot.Signal.IsPartial = slot.Signal.IsPresent;
            }
            Succeed(slot, id, ParseLevel.Basic);
            ParsedBasic++;
            return;
        }

        Clear(slot);
        DeadLetter(slot, id, strict, lenient, basic);
    }

    private static ErrorCode TryLevel(ParseLevel level, PipelineSlot slot, ParseContext context)
    {
        try
        {
            return FrameParsers.Parse(level, slot.Frame, context, slot);
        }
#pragma warning disable CA1031 // A parser bug must not lose the frame: it becomes this level's error and the chain goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ErrorCode.ParseInternalError;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Clear(PipelineSlot slot)
    {
        slot.Market = default;
        if (slot.HasTaskInput)
        {
            // Only a task-input frame writes these (cold) fields; a market event leaves their cache line alone.
            slot.Signal = default;
            slot.Command = default;
            slot.HasTaskInput = false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Succeed(PipelineSlot slot, int id, ParseLevel level)
    {
        slot.ParseLevel = level;
        slot.ParseError = ErrorCode.None;
        slot.LenientError = ErrorCode.None;
        slot.BasicError = ErrorCode.None;
        _levelCounts[(id * Levels) + (int)level]++;
        if (slot.HasTaskInput)
        {
            if (slot.Signal.IsPresent)
            {
                Signals++;
                return;
            }

            if (slot.Command.IsPresent)
            {
                Commands++;
                return;
            }
        }

        _counts[(int)slot.Market.Kind]++;
        if (slot.Market.IsSuspicious)
        {
            Suspicious++;
        }
    }

    private void DeadLetter(PipelineSlot slot, int id, ErrorCode strict, ErrorCode lenient, ErrorCode basic)
    {
        slot.ParseLevel = ParseLevel.None;
        slot.ParseError = strict;
        slot.LenientError = lenient;
        slot.BasicError = basic;
        _levelCounts[id * Levels]++;
        DeadLettered++;
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


    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer)
    {
        CheckpointState.WriteSpan<long>(ref writer, _levelCounts);
        CheckpointState.WriteSpan<long>(ref writer, _counts);
        CheckpointState.WriteSpan<long>(ref writer, [ParsedStrict, ParsedLenient, ParsedBasic, DeadLettered, Suspicious, Signals, Commands]);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        CheckpointState.ReadSpan<long>(ref reader, _levelCounts);
        CheckpointState.ReadSpan<long>(ref reader, _counts);
        Span<long> c = stackalloc long[7];
        CheckpointState.ReadSpan(ref reader, c);
        (ParsedStrict, ParsedLenient, ParsedBasic, DeadLettered, Suspicious, Signals, Commands) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }
}
