using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>What a strategy wants: written into the slot by decide, checked against the risk envelope, executed.</summary>
public struct OrderIntent
{
    /// <summary>The symbol; <see cref="SymbolId.None"/> when there is no intent.</summary>
    public SymbolId Symbol;

    /// <summary>Buy or sell; <see cref="Side.None"/> when there is no intent.</summary>
    public Side Side;

    /// <summary>Order type.</summary>
    public OrderType Type;

    /// <summary>Quantity, always positive.</summary>
    public Quantity Quantity;

    /// <summary>Limit price (limit and stop-limit orders).</summary>
    public Price LimitPrice;

    /// <summary>Stop (trigger) price (stop and stop-limit orders).</summary>
    public Price StopPrice;

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce;

    /// <summary>New order (the default), cancel or replace.</summary>
    public OrderAction Action;

    /// <summary>The working order a cancel or replace applies to.</summary>
    public ClientOrderId Target;

    /// <summary>Bracket take-profit price: when nonzero (with <see cref="StopLossPrice"/>), the order is a bracket entry
    /// whose fill releases a limit exit at this price and a stop exit at <see cref="StopLossPrice"/>, one cancelling the other.</summary>
    public Price TakeProfitPrice;

    /// <summary>Bracket stop-loss price (see <see cref="TakeProfitPrice"/>).</summary>
    public Price StopLossPrice;

    /// <summary>A new order with this set forms an OCO pair with that working order of the same symbol (one's fill
    /// reduces the other by the same quantity; a leg left with nothing open is cancelled).</summary>
    public ClientOrderId OcoWith;

    /// <summary>The price the order is expected to trade near (market orders: the price that caused it); risk bands check it.</summary>
    public Price ReferencePrice;

    /// <summary>True when a strategy emitted an intent on this event.</summary>
    public readonly bool IsPresent => Side != Side.None;

    /// <summary>Signed quantity: positive to buy, negative to sell.</summary>
    public readonly Quantity Signed => Side == Side.Sell ? -Quantity : Quantity;
}
