using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Execution;

/// <summary>
/// The order manager with the simulated exchange and the portfolio. Turns intents into orders with deterministic
/// client order ids (the run's ordinal; bracket exits get theirs when created, take-profit first), cancels and replaces
/// them, fills them under the configured <see cref="FillModel"/>, and records every order transition and an equity
/// curve sample on the slot for persist.
/// </summary>
/// <remarks>
/// <para>Per event, in this order: the equity curve is sampled when the event's time crosses an interval boundary
/// (the state before the event, stamped with the boundary); DAY orders whose session has closed expire; a trade print
/// moves its symbol's mark; the symbol's working orders are matched against the event; finally the event's intent is
/// executed. An order is accepted at once and can trade only on a later event (sequence greater than its submission's)
/// at or after its submission time + latency, so it never fills on the event that created it.</para>
/// <para>Stops trigger only when the market trades through them: a buy stop on a trade print strictly above its stop
/// (bar model: high &gt; stop), a sell stop strictly below (low &lt; stop); a print at the stop does not trigger it.
/// A triggered stop then works as a market order, a triggered stop-limit as a limit order. IOC and FOK orders get
/// one chance, at their arrival: the first event of the model's kind at which they are live (and, for a stop,
/// triggered); what does not fill there expires. Cancels and replaces take effect at once (no latency).</para>
/// <para>OCO pairs (bracket exits, or an order submitted with <see cref="OrderIntent.OcoWith"/>): a fill of one leg
/// reduces the other by the same quantity; a leg left with nothing open is cancelled. A bracket entry's fills create
/// the exits (limit take-profit, stop stop-loss, GTC) for the filled quantity, or grow them when they still work.</para>
/// <para>Runs on the thread that runs risk and decide (they read the portfolio); allocation-free per event.</para>
/// </remarks>
public sealed partial class ExecuteStage : IStage, ICheckpointable
{
    private readonly Portfolio _portfolio;
    private readonly FillModel _model;
    private readonly FillCosts _costs;
    private readonly SessionCalendar _calendar;
    private readonly long _latencyNanos;
    private readonly long _intervalNanos;
    private readonly LatencyHistogram? _orderLatency;
    private long _lastOrderId;
    private long _nextExpiryNanos = long.MaxValue;
    private long _nextSampleNanos = long.MinValue;
    private long _lastEventNanos;

    /// <summary>Creates the stage over <paramref name="portfolio"/>.</summary>
    /// <param name="portfolio">The portfolio the stage owns.</param>
    /// <param name="options">Fill model, latency, slippage, fees, equity interval, session close.</param>
    /// <param name="orderLatency">When given, every order records its tick-to-order latency here: nanoseconds from the
    /// input's receive stamp to the order leaving execute (wall clock, for measurement only: never on the decision path).</param>
    public ExecuteStage(Portfolio portfolio, ExecutionOptions options, LatencyHistogram? orderLatency = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _portfolio = portfolio;
        _model = options.FillModel;
        _costs = new FillCosts(options);
        _calendar = new SessionCalendar(options.MarketClose, options.ExchangeTimeZone);
        _latencyNanos = options.LatencyNanos;
        _intervalNanos = options.EquityInterval.Ticks * 100;
        _orderLatency = orderLatency;
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Execute;

    /// <summary>Orders created (entries, bracket exits and replacements; rejected ones included).</summary>
    public long Orders => _lastOrderId;

    /// <summary>Fills made.</summary>
    public long Fills { get; private set; }

    /// <summary>Orders cancelled (on request, replaced, OCO, and at the end of the data).</summary>
    public long Cancelled { get; private set; }

    /// <summary>Orders expired (DAY at the close, IOC and FOK on arrival).</summary>
    public long Expired { get; private set; }

    /// <summary>Orders rejected by the simulated venue.</summary>
    public long Rejected { get; private set; }

    /// <summary>Cancel and replace requests that named no working order (nothing changed).</summary>
    public long UnknownTargets { get; private set; }

    private Durability.InputJournal? _commitBeforeRelease;

    /// <summary>
    /// The durability policy <see cref="Durability.DurabilityMode.CommitBeforeExecute"/>: no order is released before
    /// <paramref name="journal"/> has durably committed the input that caused it (execute waits for the commit).
    /// </summary>
    /// <remarks>Before the stages start.</remarks>
    public void ReleaseOrdersAfterCommit(Durability.InputJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _commitBeforeRelease = journal;
    }

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        slot.FillCount = 0;
        slot.OrderEventCount = 0;
        slot.HasEquitySample = false;
        slot.OrderId = ClientOrderId.None;
        if (slot.Kind == SlotKind.EndOfData)
        {
            EndOfData(slot, sequence);
            return;
        }

        ref var e = ref slot.Market;
        if (e.Kind == MarketEventKind.None)
        {
            return;
        }

        if (!e.IsPartial)
        {
            var time = e.TimeNanos;
            if (time >= _nextSampleNanos)
            {
                Sample(slot, time);
            }

            if (time >= _nextExpiryNanos)
            {
                ExpireDayOrders(slot, sequence, time);
            }

            _lastEventNanos = time;
            var book = _portfolio.Book(e.Symbol);
            if (e.IsTradePrint && !e.IsSuspicious)
            {
                book.Mark = e.Price;
            }

            if (book.WorkingCount != 0 && !e.IsSuspicious)
            {
                var recorded = slot.OrderEventCount;
                Match(slot, sequence, book);
                if (slot.OrderEventCount != recorded)
                {
                    book.Settle(); // something filled, expired or was amended: drop finished orders, recompute pending
                }
            }
        }

        if (slot.Intent.IsPresent)
        {
            _commitBeforeRelease?.WaitForCommit(sequence); // the journal's thread commits at the end of each batch in this mode
            Execute(slot, sequence);
        }
    }

    /// <summary>Takes the equity sample of the state before this event, stamped with the last boundary it crossed.</summary>
    private void Sample(PipelineSlot slot, long time)
    {
        var boundary = time - (((time % _intervalNanos) + _intervalNanos) % _intervalNanos);
        TakeSample(slot, boundary);
        _nextSampleNanos = boundary + _intervalNanos;
    }

    private void TakeSample(PipelineSlot slot, long time)
    {
        slot.HasEquitySample = true;
        ref var s = ref slot.Equity;
        s.TimeNanos = time;
        s.Cash = _portfolio.Cash;
        s.Equity = _portfolio.Equity;
        s.GrossExposure = _portfolio.GrossExposure;
        s.NetExposure = _portfolio.NetExposure;
        s.RealizedPnl = _portfolio.RealizedPnl;
        s.UnrealizedPnl = _portfolio.UnrealizedPnl;
        s.Fees = _portfolio.Fees;
    }

    private void EndOfData(PipelineSlot slot, long sequence)
    {
        for (var s = 0; s < _portfolio.SymbolCount; s++)
        {
            var book = _portfolio.Book(new SymbolId(s));
            for (var i = 0; i < book.WorkingCount; i++)
            {
                ref var order = ref book.WorkingAt(i);
                if (order.IsWorking)
                {
                    order.TransitionTo(OrderStatus.Cancelled, ErrorCode.ExecutionCancelledAtEnd);
                    Record(slot, sequence, _lastEventNanos, in order);
                    Cancelled++;
                }
            }

            book.Settle();
        }

        if (_nextSampleNanos != long.MinValue)
        {
            TakeSample(slot, _lastEventNanos); // the final point: the state at the end of the data
        }
    }

    private void ExpireDayOrders(PipelineSlot slot, long sequence, long time)
    {
        var next = long.MaxValue;
        for (var s = 0; s < _portfolio.SymbolCount; s++)
        {
            var book = _portfolio.Book(new SymbolId(s));
            var expired = false;
            for (var i = 0; i < book.WorkingCount; i++)
            {
                ref var order = ref book.WorkingAt(i);
                if (!order.IsWorking || order.ExpiresAtNanos == 0)
                {
                    continue;
                }

                if (time >= order.ExpiresAtNanos)
                {
                    order.TransitionTo(OrderStatus.Expired, ErrorCode.ExecutionDayExpired);
                    Record(slot, sequence, time, in order);
                    Expired++;
                    expired = true;
                }
                else
                {
                    next = Math.Min(next, order.ExpiresAtNanos);
                }
            }

            if (expired)
            {
                book.Settle();
            }
        }

        _nextExpiryNanos = next;
    }

    private static void Record(PipelineSlot slot, long sequence, long time, in Order order)
        => slot.AddOrderEvent(OrderEvent.Of(in order, sequence, time, slot.FillCount));

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }

    /// <inheritdoc />
    /// <remarks>Includes the portfolio (owned by this stage, with its working orders).</remarks>
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteInt64(_lastOrderId);
        writer.WriteInt64(Fills);
        writer.WriteInt64(Cancelled);
        writer.WriteInt64(Expired);
        writer.WriteInt64(Rejected);
        writer.WriteInt64(UnknownTargets);
        writer.WriteInt64(_nextExpiryNanos);
        writer.WriteInt64(_nextSampleNanos);
        writer.WriteInt64(_lastEventNanos);
        _portfolio.WriteState(ref writer);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        _lastOrderId = CheckpointState.ReadInt64(ref reader);
        Fills = CheckpointState.ReadInt64(ref reader);
        Cancelled = CheckpointState.ReadInt64(ref reader);
        Expired = CheckpointState.ReadInt64(ref reader);
        Rejected = CheckpointState.ReadInt64(ref reader);
        UnknownTargets = CheckpointState.ReadInt64(ref reader);
        _nextExpiryNanos = CheckpointState.ReadInt64(ref reader);
        _nextSampleNanos = CheckpointState.ReadInt64(ref reader);
        _lastEventNanos = CheckpointState.ReadInt64(ref reader);
        _portfolio.ReadState(ref reader);
    }
}
