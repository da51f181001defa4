using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Execution;

/// <summary>
/// Positions, working orders and marks per symbol, in fixed point. Owned by the execute stage; risk and decide read
/// it through <see cref="IPortfolioView"/> on the same thread.
/// </summary>
public sealed class Portfolio : IPortfolioView, ICheckpointable
{
    private readonly SymbolBook[] _books;

    /// <summary>Creates an empty portfolio for <paramref name="symbolCount"/> symbols holding <paramref name="initialCash"/>.</summary>
    public Portfolio(int symbolCount, Money initialCash = default)
    {
        InitialCash = initialCash;
        _books = new SymbolBook[symbolCount];
        for (var i = 0; i < symbolCount; i++)
        {
            _books[i] = new SymbolBook();
        }
    }

    /// <summary>Number of symbols.</summary>
    public int SymbolCount => _books.Length;

    /// <summary>Cash at the start.</summary>
    public Money InitialCash { get; }

    /// <inheritdoc />
    public Money Cash => InitialCash + Sum(static (in Position p, Price _) => p.RealizedPnl - p.Fees - p.CostBasis);

    /// <inheritdoc />
    public Money Equity => InitialCash + Sum(static (in Position p, Price mark) => p.RealizedPnl - p.Fees + p.Unrealized(mark));

    /// <inheritdoc />
    public Money GrossExposure => Sum(static (in Position p, Price mark) => Money.Notional(p.Quantity.Raw < 0 ? -p.Quantity : p.Quantity, mark));

    /// <inheritdoc />
    public Money NetExposure => Sum(static (in Position p, Price mark) => Money.Notional(p.Quantity, mark));

    /// <inheritdoc />
    public Price AverageCostOf(SymbolId symbol)
    {
        ref readonly var p = ref _books[symbol.Value].Position;
        return p.Quantity.Raw == 0
            ? Price.Zero
            : new Price((long)FixedPoint.DivideRounded(p.CostBasis.Raw * FixedPoint.Scale * Math.Sign(p.Quantity.Raw), Math.Abs(p.Quantity.Raw)));
    }

    /// <inheritdoc />
    public Quantity PositionOf(SymbolId symbol) => _books[symbol.Value].Position.Quantity;

    /// <inheritdoc />
    public Quantity PendingBuyOf(SymbolId symbol) => new(_books[symbol.Value].PendingBuy);

    /// <inheritdoc />
    public Quantity PendingSellOf(SymbolId symbol) => new(_books[symbol.Value].PendingSell);

    /// <summary>The position record of <paramref name="symbol"/>.</summary>
    public Position PositionRecord(SymbolId symbol) => _books[symbol.Value].Position;

    /// <inheritdoc />
    public Price MarkOf(SymbolId symbol) => _books[symbol.Value].Mark;

    /// <summary>Realized PnL over all symbols (before fees).</summary>
    public Money RealizedPnl => Sum(static (in Position p, Price _) => p.RealizedPnl);

    /// <summary>Unrealized PnL over all symbols, each marked at its last trade.</summary>
    public Money UnrealizedPnl => Sum(static (in Position p, Price mark) => p.Unrealized(mark));

    /// <summary>Fees over all symbols.</summary>
    public Money Fees => Sum(static (in Position p, Price _) => p.Fees);

    /// <summary>Working orders of <paramref name="symbol"/> (oldest first).</summary>
    public ReadOnlySpan<Order> WorkingOrders(SymbolId symbol) => _books[symbol.Value].Working;

    internal SymbolBook Book(SymbolId symbol) => _books[symbol.Value];

    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(_books.Length);
        foreach (var book in _books)
        {
            CheckpointState.WriteValue(ref writer, in book.Position);
            CheckpointState.WriteValue(ref writer, in book.Mark);
            CheckpointState.WriteSpan(ref writer, book.Working);
        }
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        if (!reader.TryReadArrayHeader(out var count) || count != _books.Length)
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.PersistenceCorrupt, "checkpoint state is malformed: the portfolio has another number of symbols");
        }

        foreach (var book in _books)
        {
            book.Position = CheckpointState.ReadValue<Position>(ref reader);
            book.Mark = CheckpointState.ReadValue<Price>(ref reader);
            book.Restore(CheckpointState.ReadArray<Order>(ref reader));
        }
    }

    private delegate Money PositionMeasure(in Position position, Price mark);

    private Money Sum(PositionMeasure measure)
    {
        var total = Money.Zero;
        foreach (var book in _books)
        {
            total += measure(in book.Position, book.Mark);
        }

        return total;
    }

    /// <summary>Everything about one symbol.</summary>
    /// <remarks>
    /// Orders are kept in submission order. During an event an order may become terminal while it stays in the array;
    /// <see cref="Settle"/> (called by execute before the event ends) drops those and recomputes the pending totals,
    /// so between events <see cref="Working"/> holds only working orders.
    /// </remarks>
    internal sealed class SymbolBook
    {
        private Order[] _orders = new Order[4];
        private int _count;

        public Position Position;
        public Price Mark;
        public long PendingBuy;
        public long PendingSell;

        public ReadOnlySpan<Order> Working => new(_orders, 0, _count);

        public int WorkingCount => _count;

        /// <summary>The order at <paramref name="index"/>. WARNING: <see cref="AddWorking"/> may move the array: take the ref again after it.</summary>
        public ref Order WorkingAt(int index) => ref _orders[index];

        public void Restore(Order[] working)
        {
            _orders = working.Length < 4 ? [.. working, .. new Order[4 - working.Length]] : working;
            _count = working.Length;
            Settle();
        }

        /// <summary>Index of the order with <paramref name="id"/>, or −1.</summary>
        public int IndexOf(ClientOrderId id)
        {
            for (var i = 0; i < _count; i++)
            {
                if (_orders[i].Id == id)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Appends an order (growing the array on the rare book with many orders); returns its index.</summary>
        public int AddWorking(in Order order)
        {
            if (_count == _orders.Length)
            {
                Array.Resize(ref _orders, _orders.Length * 2);
            }

            _orders[_count] = order;
            return _count++;
        }

        /// <summary>Drops orders that are no longer working (keeping the others in submission order) and recomputes the pending totals.</summary>
        public void Settle()
        {
            var kept = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_orders[i].IsWorking)
                {
                    if (kept != i)
                    {
                        _orders[kept] = _orders[i];
                    }

                    kept++;
                }
            }

            Array.Clear(_orders, kept, _count - kept);
            _count = kept;
            long buy = 0, sell = 0;
            for (var i = 0; i < _count; i++)
            {
                ref readonly var order = ref _orders[i];
                var open = order.Leaves.Raw;
                // An OCO pair can fill only one side's worth: count the later leg only for what it has beyond its sibling.
                if (order.OcoId.IsValid && order.OcoId.Value < order.Id.Value && IndexOf(order.OcoId) is var s and >= 0 && _orders[s].Side == order.Side)
                {
                    open = Math.Max(0, open - _orders[s].Leaves.Raw);
                }

                if (order.Side == Side.Buy)
                {
                    buy += open;
                }
                else
                {
                    sell += open;
                }
            }

            PendingBuy = buy;
            PendingSell = sell;
        }
    }
}
