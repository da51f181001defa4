using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;

namespace RoboTrader.Engine.Strategies;

/// <summary>Target-position strategies' shared step: order the difference between the target and position + working orders.</summary>
internal static class TargetOrder
{
    /// <summary>Position + working buys − working sells of the event's symbol (raw fixed point).</summary>
    public static long Current(in MarketEvent e, IPortfolioView portfolio)
        => portfolio.PositionOf(e.Symbol).Raw + portfolio.PendingBuyOf(e.Symbol).Raw - portfolio.PendingSellOf(e.Symbol).Raw;

    /// <summary>Writes a market order for target − current into <paramref name="intent"/>, or clears it when they are equal.</summary>
    public static void Emit(in MarketEvent e, long target, IPortfolioView portfolio, ref OrderIntent intent)
    {
        var difference = target - Current(in e, portfolio);
        if (difference == 0)
        {
            intent = default;
            return;
        }

        intent.Symbol = e.Symbol;
        intent.Side = difference > 0 ? Side.Buy : Side.Sell;
        intent.Type = OrderType.Market;
        intent.Quantity = new Quantity(Math.Abs(difference));
        intent.LimitPrice = default;
        intent.ReferencePrice = e.Price;
    }
}
