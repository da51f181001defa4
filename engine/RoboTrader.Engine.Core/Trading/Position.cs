using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>
/// A position in one symbol with average-cost accounting: <see cref="CostBasis"/> is the signed cost of the open
/// quantity, so the average cost is CostBasis / Quantity.
/// </summary>
public struct Position
{
    /// <summary>Signed open quantity.</summary>
    public Quantity Quantity;

    /// <summary>Signed cost of the open quantity (negative for a short).</summary>
    public Money CostBasis;

    /// <summary>Realized PnL so far (before fees).</summary>
    public Money RealizedPnl;

    /// <summary>Fees paid so far.</summary>
    public Money Fees;

    /// <summary>
    /// Applies a fill of <paramref name="signedQuantity"/> at <paramref name="price"/>: a fill in the direction of the
    /// position (or from flat) adds to cost; a fill against it realizes PnL on the closed part by average cost, and
    /// any remainder opens a new position at the fill price.
    /// </summary>
    public void Apply(Quantity signedQuantity, Price price, Money fee)
    {
        Fees += fee;
        var q = Quantity.Raw;
        var f = signedQuantity.Raw;
        if (q == 0 || Math.Sign(q) == Math.Sign(f))
        {
            CostBasis += Money.Notional(signedQuantity, price);
            Quantity += signedQuantity;
            return;
        }

        var closed = Math.Min(Math.Abs(q), Math.Abs(f)) * Math.Sign(q); // signed like the position
        // Cost of the closed part by average cost, rounded half away from zero.
        var closedCost = new Money(FixedPoint.DivideRounded(CostBasis.Raw * Math.Abs(closed), Math.Abs(q)));

        RealizedPnl += Money.Notional(new Quantity(closed), price) - closedCost;
        CostBasis -= closedCost;
        Quantity = new Quantity(q - closed);
        var remainder = f + closed; // f and closed have opposite signs
        if (remainder != 0)
        {
            CostBasis += Money.Notional(new Quantity(remainder), price);
            Quantity = new Quantity(Quantity.Raw + remainder);
        }
    }

    /// <summary>Unrealized PnL of the open quantity marked at <paramref name="mark"/>.</summary>
    public readonly Money Unrealized(Price mark) => Money.Notional(Quantity, mark) - CostBasis;
}
