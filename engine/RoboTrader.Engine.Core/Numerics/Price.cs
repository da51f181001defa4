namespace RoboTrader.Engine.Core.Numerics;

/// <summary>A price in fixed point: <see cref="Raw"/> counts 10^-8 of the quote currency.</summary>
public readonly record struct Price(long Raw) : IComparable<Price>
{
    /// <summary>No price (zero).</summary>
    public static Price Zero => default;

    /// <summary>True when the price is zero (absent).</summary>
    public bool IsZero => Raw == 0;

    /// <summary>Makes a price from a whole number of units.</summary>
    public static Price FromUnits(long units) => new(checked(units * FixedPoint.Scale));

    /// <summary>Makes a price from an integer count of 10^-<paramref name="decimals"/> units (e.g. LEAN's 1/10000 dollars).</summary>
    public static Price FromScaled(long value, int decimals) => new(checked(value * Pow10(FixedPoint.Decimals - decimals)));

    /// <summary>Parses an exact decimal string.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Price price)
    {
        var ok = FixedPoint.TryParse(text, out var raw);
        price = new Price(raw);
        return ok;
    }

    /// <summary>Less than.</summary>
    public static bool operator <(Price a, Price b) => a.Raw < b.Raw;

    /// <summary>Greater than.</summary>
    public static bool operator >(Price a, Price b) => a.Raw > b.Raw;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Price a, Price b) => a.Raw <= b.Raw;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Price a, Price b) => a.Raw >= b.Raw;

    /// <inheritdoc />
    public int CompareTo(Price other) => Raw.CompareTo(other.Raw);

    /// <summary>Exact decimal text.</summary>
    public override string ToString() => FixedPoint.Format(Raw);

    internal static long Pow10(int n)
    {
        if ((uint)n > FixedPoint.Decimals)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "scale must be between 0 and 8 decimals");
        }

        long r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
