using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>
/// A hand-driven venue for strategy tests: applies intents (new, cancel, replace) to a <see cref="Portfolio"/>'s
/// working orders and fills orders when the test says so, so a strategy sees exactly the portfolio the test intends.
/// </summary>
internal sealed class PaperVenue(int symbolCount)
{
    private long _lastId;

    public Portfolio Portfolio { get; } = new(symbolCount);

    /// <summary>Applies <paramref name="intent"/>; returns the id of the order it created or changed.</summary>
    public ClientOrderId Apply(in OrderIntent intent)
    {
        var book = Portfolio.Book(intent.Symbol);
        switch (intent.Action)
        {
            case OrderAction.Cancel:
                Remove(book, intent.Target);
                return intent.Target;
            case OrderAction.Replace:
                Remove(book, intent.Target);
                break;
        }

        var order = new Order
        {
            Id = intent.Action == OrderAction.Replace ? intent.Target : new ClientOrderId(++_lastId),
            Symbol = intent.Symbol,
            Side = intent.Side,
            Type = intent.Type,
            Quantity = intent.Quantity,
            LimitPrice = intent.LimitPrice,
        };
        order.TransitionTo(OrderStatus.Accepted);
        book.AddWorking(in order);
        book.Settle();
        return order.Id;
    }

    /// <summary>Fills the working order <paramref name="id"/> in full at <paramref name="price"/>.</summary>
    public void Fill(SymbolId symbol, ClientOrderId id, Price price)
    {
        var book = Portfolio.Book(symbol);
        ref var order = ref book.WorkingAt(IndexOf(book, id));
        var signed = order.Signed;
        order.RecordFill(order.Leaves);
        book.Settle();
        book.Apply(signed, price, Money.Zero);
    }

    /// <summary>Closes the position at <paramref name="price"/> (as a bracket exit would).</summary>
    public void Flatten(SymbolId symbol, Price price)
    {
        var book = Portfolio.Book(symbol);
        book.Apply(-book.Position.Quantity, price, Money.Zero);
    }

    /// <summary>Sets a position directly (as if filled earlier).</summary>
    public void Hold(SymbolId symbol, long units, long price) => Portfolio.Book(symbol).Apply(Quantity.FromUnits(units), Price.FromUnits(price), Money.Zero);

    private static void Remove(Portfolio.SymbolBook book, ClientOrderId id)
    {
        book.WorkingAt(IndexOf(book, id)).TransitionTo(OrderStatus.Cancelled, Core.Errors.ErrorCode.ExecutionCancelRequested);
        book.Settle();
    }

    private static int IndexOf(Portfolio.SymbolBook book, ClientOrderId id)
    {
        for (var i = 0; i < book.WorkingCount; i++)
        {
            if (book.WorkingAt(i).Id == id)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"order {id} is not working");
    }
}
