namespace RoboTrader.Engine.Strategies;

/// <summary>How a <see cref="PriceDistance"/> is measured.</summary>
public enum PriceDistanceUnit : byte
{
    /// <summary>Basis points of the reference price (rounded up to whole ticks).</summary>
    BasisPoints = 0,

    /// <summary>Whole ticks (multiples of the tick size).</summary>
    Ticks = 1,
}
