using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// What decide may still do for the event's symbol, computed by risk: quantities that may still be bought or sold
/// under the position limit, the band an order price must fall in, and whether trading is allowed at all.
/// </summary>
public struct RiskEnvelope
{
    /// <summary>True when the kill switch or a halt forbids new orders.</summary>
    public bool Halted;

    /// <summary>Most that may still be bought (positive or zero).</summary>
    public Quantity MaxBuy;

    /// <summary>Most that may still be sold (positive or zero).</summary>
    public Quantity MaxSell;

    /// <summary>The last trade price the band is centred on (zero: no reference yet, no order allowed).</summary>
    public Price Reference;

    /// <summary>Lowest acceptable order price.</summary>
    public Price BandLow;

    /// <summary>Highest acceptable order price.</summary>
    public Price BandHigh;
}
