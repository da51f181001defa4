using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Strategies;

/// <summary>Parameters of <see cref="BreakoutStrategy"/>.</summary>
/// <param name="Lookback">N: the bars before the current one whose high and low make the channel; 1 to 10,000.</param>
/// <param name="Quantity">The entry size.</param>
/// <param name="TakeProfit">Distance of the bracket's take-profit from the breakout bar's close.</param>
/// <param name="StopLoss">Distance of the bracket's stop-loss from the breakout bar's close.</param>
/// <param name="TickSize">The price grid distances are measured in.</param>
public sealed record BreakoutOptions(int Lookback, Quantity Quantity, PriceDistance TakeProfit, PriceDistance StopLoss, Price TickSize)
{
    /// <summary>Largest lookback.</summary>
    public const int MaxLookback = 10_000;

    /// <summary>Largest distance in basis points (100 %).</summary>
    public static readonly BasisPoints MaxBps = new(10_000 * FixedPoint.Scale);

    /// <summary>Largest distance in ticks.</summary>
    public const long MaxTicks = 1_000_000;

    /// <summary>The one-line reason a run of breakout on tick trades is refused.</summary>
    public const string TickInputMessage = "--strategy breakout trades on minute bars, but the input has trade ticks: use --resolution minute";

    /// <summary>20 bars, 100 units, take profit 50 bps, stop loss 25 bps, a 0.01 tick.</summary>
    public static BreakoutOptions Default { get; } = new(
        20,
        Quantity.FromUnits(100),
        PriceDistance.Bps(new BasisPoints(50 * FixedPoint.Scale)),
        PriceDistance.Bps(new BasisPoints(25 * FixedPoint.Scale)),
        new Price(FixedPoint.Scale / 100));

    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (Lookback < 1 || Lookback > MaxLookback)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--breakout-lookback must be between 1 and {MaxLookback} (got {Lookback})");
        }

        if (Quantity.Raw <= 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--qty must be positive (got {Quantity})");
        }

        CheckDistance("--breakout-take-profit", TakeProfit, "50bps or 10ticks");
        CheckDistance("--breakout-stop-loss", StopLoss, "25bps or 5ticks");

        if (TickSize.Raw <= 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--tick-size must be positive (got {TickSize})");
        }
    }

    private static void CheckDistance(string option, PriceDistance distance, string example)
    {
        var limit = distance.Unit == PriceDistanceUnit.Ticks ? MaxTicks : MaxBps.Raw;
        if (!distance.IsPositive || distance.Raw > limit)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"{option} must be a positive distance of at most {MaxBps}bps or {MaxTicks}ticks, such as {example} (got {distance})");
        }
    }
}
