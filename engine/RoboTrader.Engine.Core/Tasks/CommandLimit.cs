namespace RoboTrader.Engine.Core.Tasks;

/// <summary>Which limit a <see cref="CommandKind.SetLimit"/> command sets.</summary>
public enum CommandLimit : byte
{
    /// <summary>None (not a set-limit command).</summary>
    None = 0,

    /// <summary>Maximum absolute position per symbol (a quantity).</summary>
    MaxPosition = 1,

    /// <summary>The price band around the last trade, in percent.</summary>
    PriceBandPercent = 2,

    /// <summary>Maximum absolute position notional per symbol (money).</summary>
    MaxPositionNotional = 3,

    /// <summary>Maximum notional of one order (money; all symbols).</summary>
    MaxOrderNotional = 4,

    /// <summary>Maximum gross portfolio exposure (money; all symbols).</summary>
    MaxGrossExposure = 5,

    /// <summary>Maximum absolute net portfolio exposure (money; all symbols).</summary>
    MaxNetExposure = 6,

    /// <summary>Daily loss limit (money; all symbols).</summary>
    DailyLossLimit = 7,

    /// <summary>Maximum drawdown from the equity high-water mark, in percent (all symbols).</summary>
    MaxDrawdownPercent = 8,
}
