using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Parsing;

/// <summary>Parses decimal numbers written as UTF-8 into the engine's fixed point (10^-8), without allocating.</summary>
public static class DecimalText
{
    private const int MaxDigits = 36;

    /// <summary>
    /// The strict form: <c>-?digits(.digits)?</c> with at most 8 decimals — no sign '+', no exponent, no whitespace,
    /// no quotes. False on anything else or on overflow.
    /// </summary>
    public static bool TryParseStrict(ReadOnlySpan<byte> text, out long raw)
    {
        raw = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = text[0] == (byte)'-';
        var i = negative ? 1 : 0;
        long integral = 0;
        var digits = 0;
        for (; i < text.Length && text[i] != (byte)'.'; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9 || digits == 10)
            {
                return false; // 10 integral digits: (10^10 − 1) × 10^8 still fits in a long
            }

            integral = (integral * 10) + d;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        long fraction = 0;
        var fractionDigits = 0;
        if (i < text.Length)
        {
            i++;
            if (i == text.Length)
            {
                return false; // "1." is not strict
            }

            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9 || fractionDigits == FixedPoint.Decimals)
                {
                    return false;
                }

                fraction = (fraction * 10) + d;
                fractionDigits++;
            }
        }

        for (var k = fractionDigits; k < FixedPoint.Decimals; k++)
        {
            fraction *= 10;
        }

        raw = (integral * FixedPoint.Scale) + fraction;
        if (negative)
        {
            raw = -raw;
        }

        return true;
    }

    /// <summary>
    /// A non-negative decimal in the strict or the lenient form, as the parsers' levels report it:
    /// <see cref="ErrorCode.ParseBadNumber"/> when it is not a number of that form, <see cref="ErrorCode.ParseOutOfRange"/>
    /// when it is negative (<paramref name="raw"/> is then the negative value).
    /// </summary>
    internal static ErrorCode ParseNonNegative(ReadOnlySpan<byte> text, bool lenient, out long raw)
    {
        if (!(lenient ? TryParseLenient(text, out raw) : TryParseStrict(text, out raw)))
        {
            return ErrorCode.ParseBadNumber;
        }

        return raw < 0 ? ErrorCode.ParseOutOfRange : ErrorCode.None;
    }

    /// <summary>
    /// The lenient form: surrounding ASCII whitespace and one pair of quotes (' or ") ignored; a leading '+'; an
    /// exponent (<c>1.5e3</c>, <c>15E-1</c>); ".5" and "5."; more than 8 decimals rounded half away from zero.
    /// False on NaN, infinities, hexadecimal, thousands separators, empty input or a value outside ±9.2×10^10.
    /// </summary>
    public static bool TryParseLenient(ReadOnlySpan<byte> text, out long raw)
    {
        raw = 0;
        text = TrimQuotes(text);
        if (text.IsEmpty)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        Int128 mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenDot = false;
        var exponent = 0;
        for (; i < text.Length; i++)
        {
            var b = text[i];
            var d = (uint)(b - '0');
            if (d <= 9)
            {
                if (digits == MaxDigits)
                {
                    return false;
                }

                if (mantissa != 0 || d != 0)
                {
                    mantissa = (mantissa * 10) + d;
                    digits++;
                }

                if (seenDot)
                {
                    fractionDigits++;
                }

                continue;
            }

            if (b == (byte)'.' && !seenDot)
            {
                seenDot = true;
                continue;
            }

            if ((b | 0x20) == (byte)'e' && i > (negative || text[0] == (byte)'+' ? 1 : 0))
            {
                if (!TryParseExponent(text[(i + 1)..], out exponent))
                {
                    return false;
                }

                i = text.Length;
                break;
            }

            return false;
        }

        if (!HasDigit(text))
        {
            return false;
        }

        var scale = FixedPoint.Decimals - fractionDigits + exponent;
        Int128 value;
        if (mantissa == 0)
        {
            value = 0;
        }
        else if (scale >= 0)
        {
            if (scale + digits > 20)
            {
                return false;
            }

            value = mantissa * Pow10(scale);
        }
        else if (-scale > 38)
        {
            value = 0;
        }
        else
        {
            var divisor = Pow10(-scale);
            var (q, r) = Int128.DivRem(mantissa, divisor);
            value = r * 2 >= divisor ? q + 1 : q;
        }

        if (value > long.MaxValue)
        {
            return false;
        }

        raw = negative ? -(long)value : (long)value;
        return true;
    }

    /// <summary>Trims ASCII whitespace and then one pair of matching quotes (and the whitespace inside them).</summary>
    public static ReadOnlySpan<byte> TrimQuotes(ReadOnlySpan<byte> text)
    {
        text = text.Trim(" \t\r\n"u8);
        if (text.Length >= 2 && (text[0] == (byte)'"' || text[0] == (byte)'\'') && text[^1] == text[0])
        {
            text = text[1..^1].Trim(" \t\r\n"u8);
        }

        return text;
    }

    private static bool HasDigit(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if ((uint)(b - '0') <= 9)
            {
                return true;
            }

            if ((b | 0x20) == (byte)'e')
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryParseExponent(ReadOnlySpan<byte> text, out int exponent)
    {
        exponent = 0;
        var negative = false;
        if (!text.IsEmpty && text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == (byte)'-';
            text = text[1..];
        }

        if (text.IsEmpty || text.Length > 3)
        {
            return false;
        }

        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            exponent = (exponent * 10) + (int)d;
        }

        if (negative)
        {
            exponent = -exponent;
        }

        return true;
    }

    private static Int128 Pow10(int n)
    {
        Int128 r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
