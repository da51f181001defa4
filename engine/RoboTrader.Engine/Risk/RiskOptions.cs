using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Risk;

/// <summary>Risk limits in force, validated before the engine starts.</summary>
/// <param name="MaxPosition">Largest absolute position per symbol, counting pending orders; orders beyond it are clamped.</param>
/// <param name="PriceBandPercent">How far (in percent of the last trade) an order's price may be from the last trade.</param>
/// <param name="KillSwitchEngaged">Start with the kill switch engaged (no orders at all).</param>
public sealed record RiskOptions(Quantity MaxPosition, long PriceBandPercent, bool KillSwitchEngaged)
{
    /// <summary>Defaults: 1,000,000 units per symbol, a 10% band, switch released.</summary>
    public static RiskOptions Default { get; } = new(Quantity.FromUnits(1_000_000), 10, false);

    /// <summary>Throws an <see cref="EngineException"/> naming the key when a value is invalid.</summary>
    public void Validate()
    {
        if (MaxPosition.Raw <= 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"max-position must be positive (got {MaxPosition})");
        }

        if (PriceBandPercent is <= 0 or > 100)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"price-band-pct must be between 1 and 100 (got {PriceBandPercent})");
        }
    }
}
