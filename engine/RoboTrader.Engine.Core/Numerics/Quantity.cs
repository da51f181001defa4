namespace RoboTrader.Engine.Core.Numerics;

/// <summary>A signed quantity in fixed point: <see cref="Raw"/> counts 10^-8 units (shares, coins, contracts).</summary>
public readonly record struct Quantity(long Raw) : IComparable<Quantity>
{
    /// <summary>Zero.</summary>
    public static Quantity Zero => default;

    /// <summary>True when zero.</summary>
    public bool IsZero => Raw == 0;

    /// <summary>The absolute value.</summary>
    public Quantity Abs() => new(Math.Abs(Raw));

    /// <summary>Makes a quantity from a whole number of units.</summary>
    public static Quantity FromUnits(long units) => new(checked(units * FixedPoint.Scale));

    /// <summary>Parses an exact decimal string.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Quantity quantity)
    {
        var ok = FixedPoint.TryParse(text, out var raw);
        quantity = new Quantity(raw);
        return ok;
    }

    /// <summary>Sum.</summary>
    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Raw + b.Raw));

    /// <summary>Difference.</summary>
    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.Raw - b.Raw));

    /// <summary>Negation.</summary>
    public static Quantity operator -(Quantity a) => new(checked(-a.Raw));

    /// <summary>Less than.</summary>
    public static bool operator <(Quantity a, Quantity b) => a.Raw < b.Raw;

    /// <summary>Greater than.</summary>
    public static bool operator >(Quantity a, Quantity b) => a.Raw > b.Raw;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Quantity a, Quantity b) => a.Raw <= b.Raw;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Quantity a, Quantity b) => a.Raw >= b.Raw;

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Raw.CompareTo(other.Raw);

    /// <summary>Exact decimal text.</summary>
    public override string ToString() => FixedPoint.Format(Raw);
}
