namespace RoboTrader.Engine.Core.Trading;

/// <summary>
/// The legal order transitions: New → Accepted | Rejected; Accepted → PartiallyFilled | Filled | Cancelled | Expired;
/// PartiallyFilled → PartiallyFilled (a further partial fill) | Filled | Cancelled | Expired. Filled, Cancelled,
/// Rejected and Expired are terminal.
/// </summary>
/// <remarks>An <see cref="Order"/>'s status changes only through <see cref="Order.TransitionTo"/>, which checks this table.</remarks>
public static class OrderStateMachine
{
    /// <summary>True when an order may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsLegal(OrderStatus from, OrderStatus to) => from switch
    {
        OrderStatus.New => to is OrderStatus.Accepted or OrderStatus.Rejected,
        OrderStatus.Accepted => to is OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Expired,
        OrderStatus.PartiallyFilled => to is OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Expired,
        _ => false,
    };

    /// <summary>True for a state in which the order can still trade (Accepted, PartiallyFilled).</summary>
    public static bool IsWorking(OrderStatus status) => status is OrderStatus.Accepted or OrderStatus.PartiallyFilled;

    /// <summary>True for a state no transition leaves.</summary>
    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;
}
