using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using System.Diagnostics;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Execution;

/// <summary>
/// The order manager with the simulated exchange: turns intents into orders with deterministic client order ids,
/// and fills a market order in full at the price of the first non-suspicious trade print of its symbol strictly
/// after the event that submitted it (a bar fills at its open); a limit order fills likewise, but only on a print at
/// its limit or better. Fees are notional × fee bps / 10000. Orders still
/// working at the end of the data are cancelled.
/// </summary>
public sealed class ExecuteStage : IStage, ICheckpointable
{
    private readonly Portfolio _portfolio;
    private readonly BasisPoints _feeBps;
    private readonly LatencyHistogram? _orderLatency;
    private long _lastOrderId;

    /// <summary>Creates the stage over <paramref name="portfolio"/>.</summary>
    /// <param name="portfolio">The portfolio the stage owns.</param>
    /// <param name="options">Fees.</param>
    /// <param name="orderLatency">When given, every order records its tick-to-order latency here: nanoseconds from the
    /// input's receive stamp to the order leaving execute (wall clock, for measurement only: never on the decision path).</param>
    public ExecuteStage(Portfolio portfolio, ExecutionOptions options, LatencyHistogram? orderLatency = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _portfolio = portfolio;
        _feeBps = options.FeeBps;
        _orderLatency = orderLatency;
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Execute;

    /// <summary>Orders created.</summary>
    public long Orders => _lastOrderId;

    /// <summary>Fills made.</summary>
    public long Fills { get; private set; }

    /// <summary>Orders cancelled at the end of the data.</summary>
    public long Cancelled { get; private set; }

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        slot.FillCount = 0;
        slot.OrderId = ClientOrderId.None;
        if (slot.Kind == SlotKind.EndOfData)
        {
            CancelAllWorking();
            return;
        }

        ref var e = ref slot.Market;
        if (e.Kind == MarketEventKind.None)
        {
            return;
        }

        if (e.IsTradePrint && !e.IsSuspicious && !e.IsPartial)
        {
            var book = _portfolio.Book(e.Symbol);
            book.Mark = e.Price;
            if (book.WorkingCount != 0)
            {
                FillWorking(slot, sequence, book, e.Kind == MarketEventKind.TradeBar ? e.Open : e.Price);
            }
        }

        if (slot.Intent.IsPresent)
        {
            Submit(slot, sequence);
        }
    }

    private void FillWorking(PipelineSlot slot, long sequence, Portfolio.SymbolBook book, Price price)
    {
        ref var e = ref slot.Market;
        var i = 0;
        while (i < book.WorkingCount)
        {
            ref var order = ref book.WorkingAt(i);
            if (order.SubmittedSequence >= sequence || !Marketable(in order, price))
            {
                i++;
                continue;
            }

            var fill = new Fill
            {
                Sequence = sequence,
                TimeNanos = e.TimeNanos,
                OrderId = order.Id,
                Symbol = order.Symbol,
                Side = order.Side,
                Quantity = order.Quantity,
                Price = price,
                Fee = _feeBps.Of(Money.Notional(order.Quantity, price)),
            };
            book.Position.Apply(order.Signed, price, fill.Fee);
            slot.AddFill(in fill);
            Fills++;
            book.RemoveWorkingAt(i);
        }
    }

    /// <summary>A market order always trades; a limit order only at its limit or better (it then fills at the print).</summary>
    private static bool Marketable(in Order order, Price price)
        => order.Type == OrderType.Market
           || (order.Side == Side.Buy ? price <= order.LimitPrice : price >= order.LimitPrice);

    private void Submit(PipelineSlot slot, long sequence)
    {
        ref var intent = ref slot.Intent;
        var order = new Order
        {
            Id = new ClientOrderId(++_lastOrderId),
            Symbol = intent.Symbol,
            Side = intent.Side,
            Type = intent.Type,
            Status = OrderStatus.Accepted,
            Quantity = intent.Quantity,
            LimitPrice = intent.LimitPrice,
            SubmittedSequence = sequence,
            SubmittedTimeNanos = slot.Market.TimeNanos,
        };
        _portfolio.Book(intent.Symbol).AddWorking(in order);
        slot.OrderId = order.Id;
        _orderLatency?.Record(StopwatchNanos.Since(slot.ReceiveTimestamp));
    }

    private void CancelAllWorking()
    {
        for (var s = 0; s < _portfolio.SymbolCount; s++)
        {
            var book = _portfolio.Book(new SymbolId(s));
            while (book.WorkingCount != 0)
            {
                book.RemoveWorkingAt(book.WorkingCount - 1);
                Cancelled++;
            }
        }
    }

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }


    /// <inheritdoc />
    /// <remarks>Includes the portfolio (owned by this stage).</remarks>
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteInt64(_lastOrderId);
        writer.WriteInt64(Fills);
        writer.WriteInt64(Cancelled);
        _portfolio.WriteState(ref writer);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        _lastOrderId = CheckpointState.ReadInt64(ref reader);
        Fills = CheckpointState.ReadInt64(ref reader);
        Cancelled = CheckpointState.ReadInt64(ref reader);
        _portfolio.ReadState(ref reader);
    }
}
