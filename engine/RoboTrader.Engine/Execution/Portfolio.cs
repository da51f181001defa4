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
            writer.WriteInt64(book.PendingBuy);
            writer.WriteInt64(book.PendingSell);
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
            var pendingBuy = CheckpointState.ReadInt64(ref reader);
            var pendingSell = CheckpointState.ReadInt64(ref reader);
            book.Restore(CheckpointState.ReadArray<Order>(ref reader), pendingBuy, pendingSell);
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

        public ref Order WorkingAt(int index) => ref _orders[index];

        public void Restore(Order[] working, long pendingBuy, long pendingSell)
        {
            _orders = working.Length < 4 ? [.. working, .. new Order[4 - working.Length]] : working;
            _count = working.Length;
            PendingBuy = pendingBuy;
            PendingSell = pendingSell;
        }

        public void AddWorking(in Order order)
        {
            if (_count == _orders.Length)
            {
                Array.Resize(ref _orders, _orders.Length * 2);
            }

            _orders[_count++] = order;
            if (order.Side == Side.Buy)
            {
                PendingBuy += order.Quantity.Raw;
            }
            else
            {
                PendingSell += order.Quantity.Raw;
            }
        }

        /// <summary>Removes the working order at <paramref name="index"/>, keeping the others in submission order.</summary>
        public void RemoveWorkingAt(int index)
        {
            ref var order = ref _orders[index];
            if (order.Side == Side.Buy)
            {
                PendingBuy -= order.Quantity.Raw;
            }
            else
            {
                PendingSell -= order.Quantity.Raw;
            }

            _count--;
            Array.Copy(_orders, index + 1, _orders, index, _count - index);
            _orders[_count] = default;
        }
    }
}
