using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Risk;

/// <summary>Exact integer arithmetic of the limits (floors, so a limit is never exceeded by rounding).</summary>
public static class RiskMath
{
    /// <summary>Largest raw quantity whose notional at <paramref name="price"/> is at most <paramref name="money"/> (both raw); 0 when either is not positive.</summary>
    public static long QuantityFor(Int128 money, long price)
        => money <= 0 || price <= 0 ? 0 : Clamp(money * FixedPoint.Scale / price);

    /// <summary><paramref name="percent"/> (raw fixed-point percent) of <paramref name="amount"/> (raw money), floored; 0 when either is not positive.</summary>
    public static Int128 PercentOf(Int128 amount, long percent)
        => amount <= 0 || percent <= 0 ? 0 : amount * percent / (100 * (Int128)FixedPoint.Scale);

    /// <summary><paramref name="part"/> / <paramref name="whole"/> × 100 as a raw fixed-point percent (rounded), for breach records.</summary>
    public static long PercentFixed(Int128 part, Int128 whole)
        => whole <= 0 ? long.MaxValue : RiskBreach.Saturate(FixedPoint.DivideRounded(part * 100 * FixedPoint.Scale, whole));

    /// <summary>Saturates to a non-negative long range usable as a quantity cap.</summary>
    public static long Clamp(Int128 value) => value <= 0 ? 0 : value >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)value;
}
