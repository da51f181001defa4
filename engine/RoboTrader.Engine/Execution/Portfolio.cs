using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Execution;

/// <summary>
/// Positions, working orders and marks per symbol, in fixed point. Owned by the execute stage; risk and decide read
/// it through <see cref="IPortfolioView"/> on the same thread.
/// </summary>
public sealed class Portfolio : IPortfolioView
{
    private readonly SymbolBook[] _books;

    /// <summary>Creates an empty portfolio for <paramref name="symbolCount"/> symbols.</summary>
    public Portfolio(int symbolCount)
    {
        _books = new SymbolBook[symbolCount];
        for (var i = 0; i < symbolCount; i++)
        {
            _books[i] = new SymbolBook();
        }
    }

    /// <summary>Number of symbols.</summary>
    public int SymbolCount => _books.Length;

    /// <inheritdoc />
    public Quantity PositionOf(SymbolId symbol) => _books[symbol.Value].Position.Quantity;

    /// <inheritdoc />
    public Quantity PendingBuyOf(SymbolId symbol) => new(_books[symbol.Value].PendingBuy);

    /// <inheritdoc />
    public Quantity PendingSellOf(SymbolId symbol) => new(_books[symbol.Value].PendingSell);

    /// <summary>The position record of <paramref name="symbol"/>.</summary>
    public Position PositionRecord(SymbolId symbol) => _books[symbol.Value].Position;

    /// <summary>The last mark (last trade price) of <paramref name="symbol"/>.</summary>
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
