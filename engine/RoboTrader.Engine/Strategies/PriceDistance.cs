using System.Globalization;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// A distance from a reference price: <c>50bps</c> (basis points of the reference, rounded up to whole ticks, at
/// least one) or <c>4ticks</c> (whole ticks). Exact integer arithmetic.
/// </summary>
/// <param name="Unit">Basis points or ticks.</param>
/// <param name="Raw">Basis points in fixed point (10^-8 bp), or a whole number of ticks.</param>
public readonly record struct PriceDistance(PriceDistanceUnit Unit, long Raw)
{
    /// <summary>A distance in basis points.</summary>
    public static PriceDistance Bps(BasisPoints bps) => new(PriceDistanceUnit.BasisPoints, bps.Raw);

    /// <summary>A distance in whole ticks.</summary>
    public static PriceDistance Ticks(long ticks) => new(PriceDistanceUnit.Ticks, ticks);

    /// <summary>True when the distance is more than zero.</summary>
    public bool IsPositive => Raw > 0;

    /// <summary>The distance in whole ticks of <paramref name="tick"/> from <paramref name="reference"/> (both raw, positive).</summary>
    public long TicksFrom(long reference, long tick)
    {
        if (Unit == PriceDistanceUnit.Ticks)
        {
            return Raw;
        }

        // ceil(reference × bps / 10000 / tick), at least one tick: a distance never rounds to nothing.
        var denominator = (Int128)10_000 * FixedPoint.Scale * tick;
        var (quotient, remainder) = Int128.DivRem((Int128)reference * Raw, denominator);
        var ticks = (long)(remainder > 0 ? quotient + 1 : quotient);
        return Math.Max(1, ticks);
    }

    /// <summary>Parses <c>&lt;decimal&gt;bps</c> or <c>&lt;integer&gt;ticks</c>; false when the text is neither.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PriceDistance distance)
    {
        distance = default;
        text = text.Trim();
        if (text.EndsWith("bps", StringComparison.OrdinalIgnoreCase))
        {
            if (!FixedPoint.TryParse(text[..^3].TrimEnd(), out var bps))
            {
                return false;
            }

            distance = new PriceDistance(PriceDistanceUnit.BasisPoints, bps);
            return true;
        }

        if (text.EndsWith("ticks", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text[..^5].TrimEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            distance = new PriceDistance(PriceDistanceUnit.Ticks, ticks);
            return true;
        }

        return false;
    }

    /// <summary>The text form <see cref="TryParse"/> reads: <c>50bps</c>, <c>4ticks</c>.</summary>
    public override string ToString()
        => Unit == PriceDistanceUnit.Ticks
            ? Raw.ToString(CultureInfo.InvariantCulture) + "ticks"
            : FixedPoint.Format(Raw) + "bps";
}
