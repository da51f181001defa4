namespace RoboTrader.Engine.Strategies;

/// <summary>Exact 256-bit products of 128-bit magnitudes, for comparisons that must not round or overflow.</summary>
internal static class WideMath
{
    /// <summary>The sign of a × b − c × d, computed exactly.</summary>
    public static int CompareProducts(UInt128 a, UInt128 b, UInt128 c, UInt128 d)
    {
        var (leftHigh, leftLow) = Multiply(a, b);
        var (rightHigh, rightLow) = Multiply(c, d);
        return leftHigh != rightHigh ? leftHigh.CompareTo(rightHigh) : leftLow.CompareTo(rightLow);
    }

    /// <summary>The full 256-bit product of <paramref name="a"/> and <paramref name="b"/> as (high, low) 128-bit halves.</summary>
    public static (UInt128 High, UInt128 Low) Multiply(UInt128 a, UInt128 b)
    {
        var a0 = (ulong)a;
        var a1 = (ulong)(a >> 64);
        var b0 = (ulong)b;
        var b1 = (ulong)(b >> 64);

        // Each partial product of two 64-bit halves fits in 128 bits exactly.
        var p00 = (UInt128)a0 * b0;
        var p01 = (UInt128)a0 * b1;
        var p10 = (UInt128)a1 * b0;
        var p11 = (UInt128)a1 * b1;

        // The middle column: at most 3 × (2^64 − 1), so it cannot overflow 128 bits.
        var middle = (p00 >> 64) + (ulong)p01 + (ulong)p10;
        var low = (middle << 64) | (ulong)p00;
        var high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
        return (high, low);
    }
}
