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

    private InlineFrame _inline;
    private byte[]? _overflow;
    private Fill[] _fills = new Fill[1];
    private OrderEvent[] _orderEvents = new OrderEvent[2];
    private EquitySample[]? _equity;

    /// <summary>What the slot carries.</summary>
    public SlotKind Kind;

    /// <summary>Where the frame came from.</summary>
    public SourceId Source;

    /// <summary>
    /// Nonzero on the frame that ends a checkpoint interval: every stage group writes its state after handling it
    /// (the checkpoint barrier rides on a frame, so sequences do not depend on checkpointing). Set by ingest.
    /// </summary>
    public long CheckpointId;

    /// <summary>Monotonic receive stamp (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for latency only: never on the decision path.</summary>
    public long ReceiveTimestamp;

    /// <summary>Length of the frame.</summary>
    public int FrameLength;

    /// <summary>The parsed market event (<see cref="MarketEventKind.None"/> when the frame is not market data or failed to parse).</summary>
    public MarketEvent Market;

    /// <summary>The parsed signal (absent unless the frame is a task-input signal).</summary>
    public Signal Signal;

    /// <summary>The parsed operator command (absent unless the frame is a strict command).</summary>
    public Command Command;

    /// <summary>The parser level that understood the frame (<see cref="ParseLevel.None"/> when none did).</summary>
    public ParseLevel ParseLevel;

    /// <summary>
    /// Why the strict level failed, when no level understood the frame; <see cref="ErrorCode.None"/> when some level
    /// did (a frame is dead-lettered exactly when this is set).
    /// </summary>
    public ErrorCode ParseError;

    /// <summary>Why the lenient level failed, when no level understood the frame (<see cref="ErrorCode.None"/> otherwise).</summary>
    public ErrorCode LenientError;

    /// <summary>Why the basic level failed, when no level understood the frame (<see cref="ErrorCode.None"/> otherwise).</summary>
    public ErrorCode BasicError;

    /// <summary>The risk envelope for the event's symbol.</summary>
    public RiskEnvelope Envelope;

    /// <summary>Risk breaches recorded on this event (cleared by risk on every event; decide adds order-level ones).</summary>
    public RiskBreaches Breaches;

    /// <summary>The strategy's order intent after the envelope check (absent when none or refused).</summary>
    public OrderIntent Intent;

    /// <summary>Why an intent was clamped or refused (<see cref="ErrorCode.None"/> otherwise).</summary>
    public ErrorCode IntentError;

    /// <summary>Id assigned by execute to the order created from <see cref="Intent"/>.</summary>
    public ClientOrderId OrderId;

    /// <summary>Number of fills execute produced on this event.</summary>
    public int FillCount;

    /// <summary>Number of order transitions execute recorded on this event.</summary>
    public int OrderEventCount;

    /// <summary>True when execute took an equity-curve sample on this event (<see cref="Equity"/>).</summary>
    public bool HasEquitySample;

    /// <summary>
    /// The equity sample of this event (valid when <see cref="HasEquitySample"/>). Kept outside the slot object, in an
    /// array the slot allocates on its first sample: it is rare (one per interval of event time), and every byte of a
    /// slot costs on every event.
    /// </summary>
    public ref EquitySample Equity => ref (_equity ??= new EquitySample[1])[0];

    /// <summary>A stage fault recorded on the event by the supervisor (<see cref="ErrorCode.None"/> normally); reset by ingest.</summary>
    public ErrorCode Fault;

    /// <summary>Which stage faulted and why (null normally); reset by ingest.</summary>
    public string? FaultDetail;

    /// <summary>The frame's bytes.</summary>
    public ReadOnlySpan<byte> Frame
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FrameLength <= InlineFrame.Length
            ? MemoryMarshal.CreateReadOnlySpan(ref _inline[0], FrameLength)
            : new ReadOnlySpan<byte>(_overflow, 0, FrameLength);
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

    /// <summary>The inline frame storage: part of the slot object, next to the header fields.</summary>
    [InlineArray(Length)]
    private struct InlineFrame
    {
        public const int Length = 128;

        private byte _element;
    }
}
