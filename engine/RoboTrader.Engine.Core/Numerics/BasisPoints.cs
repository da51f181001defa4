namespace RoboTrader.Engine.Core.Numerics;

/// <summary>A rate in basis points (1 bp = 0.01%), fixed point: <see cref="Raw"/> counts 10^-8 bp.</summary>
public readonly record struct BasisPoints(long Raw)
{
    /// <summary>Applies the rate to an amount: amount × bp / 10000, rounded half away from zero to 10^-8.</summary>
    public Money Of(Money amount)
        => new(FixedPoint.DivideRounded(amount.Raw * Raw, (Int128)FixedPoint.Scale * 10_000));

    /// <summary>Parses an exact decimal number of basis points ("1", "0.5").</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out BasisPoints bps)
    {
        var ok = FixedPoint.TryParse(text, out var raw);
        bps = new BasisPoints(raw);
        return ok;
    }

    /// <summary>Exact decimal text.</summary>
    public override string ToString() => FixedPoint.Format(Raw);
}
