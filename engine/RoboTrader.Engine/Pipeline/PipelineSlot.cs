using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Pipeline;

/// <summary>
/// One preallocated ring slot. Each stage owns a group of fields and writes all of them on every event (so nothing
/// stale survives from the slot's previous lap); later stages only read earlier stages' fields.
/// </summary>
/// <remarks>
/// Ownership: ingest — <see cref="Kind"/>, <see cref="Source"/>, <see cref="ReceiveTimestamp"/>, the frame;
/// parse — <see cref="Market"/>, <see cref="Signal"/>, <see cref="Command"/>, <see cref="ParseLevel"/>,
/// <see cref="ParseError"/>, <see cref="LenientError"/>, <see cref="BasicError"/>; risk — <see cref="Envelope"/>, <see cref="Breaches"/> (decide adds to it);
/// decide — <see cref="Intent"/>, <see cref="IntentError"/>; execute — <see cref="OrderId"/>, the fills, the order transitions, the equity sample;
/// stage faults — <see cref="Fault"/> (written by the supervisor's policy).
/// </remarks>
public sealed class PipelineSlot
{
    /// <summary>Frames up to this length are stored inside the slot object itself (no second object, no extra cache
    /// miss per event); a longer frame goes to an overflow buffer the slot allocates once and keeps.</summary>
    public const int InitialFrameCapacity = InlineFrame.Length;

    /// <summary>The largest frame a slot accepts; ingest refuses larger ones with a clear error.</summary>
    public const int MaxFrameLength = 1 << 20;

    /// <summary>
    /// Bytes from the start of a slot object to the end of <see cref="Market"/>: the lines ingest and parse write for a
    /// market event (the header, the inline frame, parse's outcomes, the parsed event), which the consumer stages read.
    /// A consumer prefetches them a few slots ahead (<see cref="Ring.SlotPrefetch"/>); the lines the later stages write
    /// are left out (prefetching them too measured 4–6 % slower with state on: perf/RESULTS.md).
    /// </summary>
    public static readonly int PrefetchBytes = MeasurePrefetchBytes();

    private byte[]? _overflow;
    private Fill[] _fills = new Fill[1];
    private OrderEvent[] _orderEvents = new OrderEvent[2];
    private EquitySample[]? _equity;
    private readonly FusedHandOff _handOff;

    private static unsafe int MeasurePrefetchBytes()
    {
        var slot = new PipelineSlot();
        fixed (SlotKind* kind = &slot.Kind)
        {
            // Pinned by the fixed statement, so the object's address and the field's agree.
            var kindOffset = (byte*)kind - (byte*)Unsafe.As<PipelineSlot, nint>(ref slot);
            var marketEnd = Unsafe.ByteOffset(ref Unsafe.As<SlotKind, byte>(ref slot.Kind), ref Unsafe.As<MarketEvent, byte>(ref Unsafe.Add(ref slot.Market, 1)));
            return (int)(kindOffset + marketEnd);
        }
    }

    /// <summary>Creates a slot with a hand-off of its own (tests, single slots).</summary>
    public PipelineSlot()
        : this(new FusedHandOff())
    {
    }

    /// <summary>Creates a slot that shares <paramref name="handOff"/> with the other slots of its ring.</summary>
    public PipelineSlot(FusedHandOff handOff)
    {
        ArgumentNullException.ThrowIfNull(handOff);
        _handOff = handOff;
    }

    // Layout. The runtime puts reference fields first, then primitives, then struct fields in declaration order; the
    // fields below are arranged so that what ingest writes comes first, then the inline frame, then what parse writes
    // (its outcomes and the parsed event), then — at least a cache line further on — what the later stages write. Parse
    // runs on the producer thread by default and on a consumer in other placements; either way no cache line is
    // written by both threads (a line written by both moves between the cores twice a lap; this way the producer's
    // lines move once, to the consumer, and the consumer's stay in its own cache). PipelineSlotLayoutTests pins it.

    // ---- written by ingest (the producer) ----

    /// <summary>What the slot carries.</summary>
    public SlotKind Kind;

    /// <summary>
    /// Nonzero on the frame that ends a checkpoint interval: every stage group writes its state after handling it
    /// (the checkpoint barrier rides on a frame, so sequences do not depend on checkpointing). Set by ingest.
    /// </summary>
    public long CheckpointId;

    /// <summary>Monotonic receive stamp (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for latency only: never on the decision path.</summary>
    public long ReceiveTimestamp;

    /// <summary>Length of the frame.</summary>
    public int FrameLength;

    /// <summary>A stage fault recorded on the event by the supervisor (<see cref="ErrorCode.None"/> normally); reset by ingest.</summary>
    public ErrorCode Fault;

    /// <summary>Which stage faulted and why (null normally); reset by ingest.</summary>
    public string? FaultDetail;

    /// <summary>Where the frame came from.</summary>
    public SourceId Source;

    private InlineFrame _inline;

    // ---- written by parse (on the producer thread by default) ----

    private ParseOutcomes _parse;

    /// <summary>The parsed market event (<see cref="MarketEventKind.None"/> when the frame is not market data or failed to parse).</summary>
    public MarketEvent Market;

#pragma warning disable CS0169 // never read or written: it only keeps what parse writes and what the later stages write in different lines
    private CacheLineGap _gap;
#pragma warning restore CS0169

    // ---- written by the consumer stages after parse ----

    private StageOutcomes _stage;

    /// <summary>Id assigned by execute to the order created from <see cref="Intent"/>.</summary>
    public ClientOrderId OrderId;

    /// <summary>Risk breaches recorded on this event (cleared by risk on every event; decide adds order-level ones).</summary>
    public RiskBreaches Breaches;

    // ---- cold: written only for task-input frames, so an ordinary market event never brings these lines in ----

    /// <summary>The parsed signal (absent unless the frame is a task-input signal; cleared by parse only after
    /// <see cref="HasTaskInput"/>, so read it on an event that is not market data).</summary>
    public Signal Signal;

    /// <summary>The parsed operator command (absent unless the frame is a strict command; see <see cref="Signal"/>).</summary>
    public Command Command;

    /// <summary>The first byte of parse's outcomes (layout tests).</summary>
    internal ref byte ParseFieldsStart => ref Unsafe.As<ParseOutcomes, byte>(ref _parse);

    /// <summary>The first byte the stages after parse write (layout tests).</summary>
    internal ref byte StageFieldsStart => ref Unsafe.As<StageOutcomes, byte>(ref _stage);

    /// <summary>The parser level that understood the frame (<see cref="ParseLevel.None"/> when none did).</summary>
    public ParseLevel ParseLevel
    {
        get => _parse.ParseLevel;
        set => _parse.ParseLevel = value;
    }

    /// <summary>
    /// Why the strict level failed, when no level understood the frame; <see cref="ErrorCode.None"/> when some level
    /// did (a frame is dead-lettered exactly when this is set).
    /// </summary>
    public ErrorCode ParseError
    {
        get => _parse.ParseError;
        set => _parse.ParseError = value;
    }

    /// <summary>Why the lenient level failed, when no level understood the frame (<see cref="ErrorCode.None"/> otherwise).</summary>
    public ErrorCode LenientError
    {
        get => _parse.LenientError;
        set => _parse.LenientError = value;
    }

    /// <summary>Why the basic level failed, when no level understood the frame (<see cref="ErrorCode.None"/> otherwise).</summary>
    public ErrorCode BasicError
    {
        get => _parse.BasicError;
        set => _parse.BasicError = value;
    }

    /// <summary>
    /// True when parse wrote <see cref="Signal"/> or <see cref="Command"/> on this lap of the slot (a task-input frame):
    /// parse clears the two only then, so a market event never touches their cache line.
    /// </summary>
    public bool HasTaskInput
    {
        get => _parse.HasTaskInput;
        set => _parse.HasTaskInput = value;
    }

    /// <summary>Why an intent was clamped or refused (<see cref="ErrorCode.None"/> otherwise).</summary>
    public ErrorCode IntentError
    {
        get => _stage.IntentError;
        set => _stage.IntentError = value;
    }

    /// <summary>Number of fills execute produced on this event.</summary>
    public int FillCount
    {
        get => _stage.FillCount;
        set => _stage.FillCount = value;
    }

    /// <summary>Number of order transitions execute recorded on this event.</summary>
    public int OrderEventCount
    {
        get => _stage.OrderEventCount;
        set => _stage.OrderEventCount = value;
    }

    /// <summary>True when execute took an equity-curve sample on this event (<see cref="Equity"/>).</summary>
    public bool HasEquitySample
    {
        get => _stage.HasEquitySample;
        set => _stage.HasEquitySample = value;
    }

    /// <summary>
    /// The equity sample of this event (valid when <see cref="HasEquitySample"/>). Kept outside the slot object, in an
    /// array the slot allocates on its first sample: it is rare (one per interval of event time), and every byte of a
    /// slot costs on every event.
    /// </summary>
    public ref EquitySample Equity => ref (_equity ??= new EquitySample[1])[0];

    /// <summary>
    /// The risk envelope for the event's symbol, written by risk and read by decide while they handle this slot. It is
    /// not stored in the slot: risk, decide and execute always run fused on one thread (<see cref="StagePlacement"/>),
    /// so the ring's slots share one <see cref="FusedHandOff"/> that stays in the first-level cache, instead of 112
    /// bytes per slot that would miss on every event. Read it only inside those stages, for the slot in hand.
    /// </summary>
    public ref RiskEnvelope Envelope => ref _handOff.Envelope;

    /// <summary>
    /// The strategy's order intent after the envelope check (absent when none or refused), written by decide and read
    /// by execute while they handle this slot; shared like <see cref="Envelope"/>.
    /// </summary>
    public ref OrderIntent Intent => ref _handOff.Intent;

    /// <summary>The frame's bytes.</summary>
    public ReadOnlySpan<byte> Frame
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FrameLength <= InlineFrame.Length
            ? MemoryMarshal.CreateReadOnlySpan(ref _inline[0], FrameLength)
            : new ReadOnlySpan<byte>(_overflow, 0, FrameLength);
    }

    /// <summary>
    /// Where the frame is kept: the frame is its first <see cref="FrameLength"/> bytes; the bytes after it are readable
    /// but not the frame's (earlier frames' leftovers). A reader whose vector loads run past the frame's end reads it in
    /// place with this instead of copying it (the journal's delta encoder); an inline frame has the whole inline buffer
    /// (<see cref="InitialFrameCapacity"/> bytes).
    /// </summary>
    public ReadOnlySpan<byte> FrameStorage
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FrameLength <= InlineFrame.Length
            ? MemoryMarshal.CreateReadOnlySpan(ref _inline[0], InlineFrame.Length)
            : new ReadOnlySpan<byte>(_overflow);
    }

    /// <summary>The fills of this event.</summary>
    public ReadOnlySpan<Fill> Fills => new(_fills, 0, FillCount);

    /// <summary>The order transitions of this event, in the order they happened.</summary>
    public ReadOnlySpan<OrderEvent> OrderEvents => new(_orderEvents, 0, OrderEventCount);

    /// <summary>Copies <paramref name="frame"/> into the slot's own buffer (growing it on the rare oversized frame).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.Length <= InlineFrame.Length)
        {
            frame.CopyTo(MemoryMarshal.CreateSpan(ref _inline[0], InlineFrame.Length));
        }
        else
        {
            SetOverflowFrame(frame);
        }

        FrameLength = frame.Length;
    }

    /// <summary>Appends a fill (growing the fill array on the rare event with many fills).</summary>
    public void AddFill(in Fill fill)
    {
        if (FillCount == _fills.Length)
        {
            Array.Resize(ref _fills, _fills.Length * 2);
        }

        _fills[FillCount++] = fill;
    }

    /// <summary>Appends an order transition (growing the array on the rare event with many).</summary>
    public void AddOrderEvent(in OrderEvent orderEvent)
    {
        if (OrderEventCount == _orderEvents.Length)
        {
            Array.Resize(ref _orderEvents, _orderEvents.Length * 2);
        }

        _orderEvents[OrderEventCount++] = orderEvent;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetOverflowFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.Length > MaxFrameLength)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame.Length, $"a frame may be at most {MaxFrameLength} bytes");
        }

        if (_overflow is null || _overflow.Length < frame.Length)
        {
            _overflow = new byte[Math.Max(frame.Length, (_overflow?.Length ?? InlineFrame.Length) * 2)];
        }

        frame.CopyTo(_overflow);
    }

    /// <summary>What parse writes on every event besides <see cref="Market"/>.</summary>
    private struct ParseOutcomes
    {
        public ErrorCode ParseError;
        public ErrorCode LenientError;
        public ErrorCode BasicError;
        public ParseLevel ParseLevel;
        public bool HasTaskInput;
    }

    /// <summary>The small fields the stages after parse write on every event.</summary>
    private struct StageOutcomes
    {
        public int FillCount;
        public int OrderEventCount;
        public ErrorCode IntentError;
        public bool HasEquitySample;
    }

    /// <summary>A cache line of nothing: two fields either side of it are never in one line, however the object is aligned.</summary>
    [InlineArray(64)]
    private struct CacheLineGap
    {
        private byte _element;
    }

    /// <summary>The inline frame storage: part of the slot object, next to the header fields.</summary>
    [InlineArray(Length)]
    private struct InlineFrame
    {
        public const int Length = 128;

        private byte _element;
    }
}
