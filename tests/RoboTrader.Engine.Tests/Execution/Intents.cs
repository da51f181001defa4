using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>Order intents for tests.</summary>
internal static class Intents
{
    public static OrderIntent Market(Side side, long qty, TimeInForce tif = TimeInForce.Gtc, int symbol = 0) => new()
    {
        Symbol = new SymbolId(symbol),
        Side = side,
        Type = OrderType.Market,
        Quantity = Q(qty),
        TimeInForce = tif,
    };

    public static OrderIntent Limit(Side side, long qty, string limit, TimeInForce tif = TimeInForce.Gtc, int symbol = 0)
        => Market(side, qty, tif, symbol) with { Type = OrderType.Limit, LimitPrice = P(limit) };

    public static OrderIntent Stop(Side side, long qty, string stop, TimeInForce tif = TimeInForce.Gtc, int symbol = 0)
        => Market(side, qty, tif, symbol) with { Type = OrderType.Stop, StopPrice = P(stop) };

    public static OrderIntent StopLimit(Side side, long qty, string stop, string limit, TimeInForce tif = TimeInForce.Gtc)
        => Market(side, qty, tif) with { Type = OrderType.StopLimit, StopPrice = P(stop), LimitPrice = P(limit) };

    public static OrderIntent Bracket(OrderIntent entry, string takeProfit, string stopLoss)
        => entry with { TakeProfitPrice = P(takeProfit), StopLossPrice = P(stopLoss) };

    public static OrderIntent Cancel(long target, Side side, int symbol = 0) => new()
    {
        Symbol = new SymbolId(symbol),
        Side = side,
        Action = OrderAction.Cancel,
        Target = new ClientOrderId(target),
    };

    public static OrderIntent Replace(long target, OrderIntent with)
        => with with { Action = OrderAction.Replace, Target = new ClientOrderId(target) };
}
