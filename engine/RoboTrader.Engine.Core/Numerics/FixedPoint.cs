using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Core.Numerics;

/// <summary>
/// The engine's fixed-point arithmetic: every price, quantity and amount of money is an integer count of
/// 10^-8 units (the precision of DECIMAL(20,8)). Products of two fixed-point values are formed in
/// <see cref="Int128"/> so they cannot overflow.
/// </summary>
/// <remarks>No <c>double</c> or <c>decimal</c> is used: results are exact and identical on every machine.</remarks>
public static class FixedPoint
{
    /// <summary>Number of decimal places.</summary>
    public const int Decimals = 8;

    /// <summary>10^8: the raw value of 1.</summary>
    public const long Scale = 100_000_000;

    /// <summary>Multiplies two fixed-point values, giving a fixed-point result rounded half away from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Multiply(long a, long b) => DivideRounded((Int128)a * b, Scale);

    /// <summary>Divides <paramref name="numerator"/> by a positive <paramref name="denominator"/>, rounding half away from zero.</summary>
    public static Int128 DivideRounded(Int128 numerator, Int128 denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "denominator must be positive");
        }

        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        var twice = Int128.Abs(remainder) * 2;
        if (twice >= denominator)
        {
            quotient += numerator < 0 ? -1 : 1;
        }

        return quotient;
    }

    /// <summary>Formats a fixed-point value as an exact decimal string: no exponent, no trailing zeros, '.' separator.</summary>
    public static string Format(Int128 raw)
    {
        Span<char> buffer = stackalloc char[64];
        var written = Format(raw, buffer);
        return new string(buffer[..written]);
    }

    /// <summary>Formats a fixed-point value into <paramref name="destination"/>; returns the number of chars written.</summary>
    public static int Format(Int128 raw, Span<char> destination)
    {
        var negative = raw < 0;
        // -(raw + 1) + 1 avoids overflow at Int128.MinValue.
        var magnitude = negative ? (UInt128)(-(raw + 1)) + 1 : (UInt128)raw;

        var integral = magnitude / Scale;
        var fraction = (ulong)(magnitude % Scale);
        var pos = 0;
        if (negative)
        {
            destination[pos++] = '-';
        }

        integral.TryFormat(destination[pos..], out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        pos += n;
        if (fraction != 0)
        {
            destination[pos++] = '.';
            var digits = Decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                destination[pos + i] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }

            pos += digits;
        }

        return pos;
    }

    /// <summary>Formats a fixed-point value as UTF-8 (ASCII) into <paramref name="destination"/>; returns bytes written.</summary>
    public static int FormatUtf8(Int128 raw, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[64];
        var n = Format(raw, chars);
        for (var i = 0; i < n; i++)
        {
            destination[i] = (byte)chars[i];
        }

        return n;
    }

    /// <summary>
    /// Parses an exact decimal ("-12.345", "7", "0.00000001") into a fixed-point value.
    /// Fails on more than 8 decimals, exponents, empty input or overflow.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long raw)
    {
        raw = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = text[0] == '-';
        var i = negative || text[0] == '+' ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        Int128 integral = 0;
        var digits = 0;
        for (; i < text.Length && text[i] != '.'; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9 || digits == 20)
            {
                return false;
            }

            integral = (integral * 10) + d;
            digits++;
        }

        long fraction = 0;
        var fractionDigits = 0;
        if (i < text.Length)
        {
            i++; // '.'
            for (; i < text.Length; i++)
            {
                var d = text[i] - '0';
                if ((uint)d > 9 || fractionDigits == Decimals)
                {
                    return false;
                }

                fraction = (fraction * 10) + d;
                fractionDigits++;
            }
        }

        if (digits == 0 && fractionDigits == 0)
        {
            return false;
        }

        for (var k = fractionDigits; k < Decimals; k++)
        {
            fraction *= 10;
        }

        var value = (integral * Scale) + fraction;
        if (negative)
        {
            value = -value;
        }

        if (value > long.MaxValue || value < long.MinValue)
        {
            return false;
        }

        raw = (long)value;
        return true;
    }
}
