namespace RoboTrader.Engine.Core.Numerics;

/// <summary>An amount of money (notional, cash, PnL, fees) in fixed point held in <see cref="Int128"/>: <see cref="Raw"/> counts 10^-8.</summary>
/// <remarks>Int128 so that quantity × price cannot overflow, whatever the instrument.</remarks>
public readonly record struct Money(Int128 Raw) : IComparable<Money>
{
    /// <summary>Zero.</summary>
    public static Money Zero => default;

    /// <summary>The notional of <paramref name="quantity"/> at <paramref name="price"/>, rounded half away from zero to 10^-8.</summary>
    public static Money Notional(Quantity quantity, Price price) => new(FixedPoint.Multiply(quantity.Raw, price.Raw));

    /// <summary>Sum.</summary>
    public static Money operator +(Money a, Money b) => new(a.Raw + b.Raw);

    /// <summary>Difference.</summary>
    public static Money operator -(Money a, Money b) => new(a.Raw - b.Raw);

    /// <summary>Negation.</summary>
    public static Money operator -(Money a) => new(-a.Raw);

    /// <inheritdoc />
    public int CompareTo(Money other) => Raw.CompareTo(other.Raw);

    /// <summary>Exact decimal text, e.g. "-12.5".</summary>
    public override string ToString() => FixedPoint.Format(Raw);
}
