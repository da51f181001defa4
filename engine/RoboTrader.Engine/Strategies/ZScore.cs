using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Strategies;

/// <summary>A z-score threshold (a number of standard deviations) in fixed point: <see cref="Raw"/> counts 10^-8.</summary>
public readonly record struct ZScore(long Raw)
{
    /// <summary>Makes a z-score from a whole number of standard deviations.</summary>
    public static ZScore FromUnits(long units) => new(checked(units * FixedPoint.Scale));

    /// <summary>Parses an exact decimal ("2", "0.5").</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ZScore value)
    {
        var ok = FixedPoint.TryParse(text, out var raw);
        value = new ZScore(raw);
        return ok;
    }

    /// <summary>Exact decimal text.</summary>
    public override string ToString() => FixedPoint.Format(Raw);
}
