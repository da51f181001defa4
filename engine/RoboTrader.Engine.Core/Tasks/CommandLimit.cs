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
}
