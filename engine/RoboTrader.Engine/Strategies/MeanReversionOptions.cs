using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Strategies;

/// <summary>Parameters of <see cref="MeanReversionStrategy"/>.</summary>
/// <param name="Window">N: the rolling window, in trade prints (tick data) or trade bars (minute data); 2 to 65,536.</param>
/// <param name="EntryZ">Enter when the z-score reaches −EntryZ (buy) or +EntryZ (sell short); positive, at most 10,000.</param>
/// <param name="ExitZ">Exit at the mean once |z| ≤ ExitZ; at least 0 and below <paramref name="EntryZ"/>.</param>
/// <param name="Quantity">The entry size.</param>
/// <param name="TickSize">The price grid: exits at the mean are rounded to it (down for a buy, up for a sell).</param>
public sealed record MeanReversionOptions(int Window, ZScore EntryZ, ZScore ExitZ, Quantity Quantity, Price TickSize)
{
    /// <summary>100 prints, enter at 2σ, exit at 0.5σ, 100 units, a 0.01 tick.</summary>
    public static MeanReversionOptions Default { get; } = new(100, ZScore.FromUnits(2), new ZScore(FixedPoint.Scale / 2), Quantity.FromUnits(100), new Price(FixedPoint.Scale / 100));

    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (Window < 2 || Window > RollingMoments.MaxLength)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--mr-window must be between 2 and {RollingMoments.MaxLength} (got {Window})");
        }

        if (EntryZ.Raw <= 0 || EntryZ.Raw > RollingMoments.MaxThreshold)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--mr-entry-z must be positive and at most 10000 (got {EntryZ})");
        }

        if (ExitZ.Raw < 0 || ExitZ.Raw >= EntryZ.Raw)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--mr-exit-z must be at least 0 and below --mr-entry-z {EntryZ} (got {ExitZ})");
        }

        if (Quantity.Raw <= 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--qty must be positive (got {Quantity})");
        }

        if (TickSize.Raw <= 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--tick-size must be positive (got {TickSize})");
        }
    }
}
