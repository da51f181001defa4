namespace RoboTrader.Engine.Parsing;

/// <summary>
/// Reads event times of task inputs: ISO 8601 UTC text <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> (1 to 9 fraction digits, a
/// literal 'T' and 'Z'), or an integer epoch whose digit count tells its unit. Allocation-free.
/// </summary>
public static class IsoTime
{
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> into UTC nanoseconds since the Unix epoch.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long utcNanos)
    {
        utcNanos = 0;
        if (text.Length < 20 || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':' || text[^1] != (byte)'Z')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute) || !Digits(text[17..19], out var second))
        {
            return false;
        }

        if (year is < 1970 or > 2262 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fraction = 0;
        var rest = text[19..^1];
        if (!rest.IsEmpty)
        {
            if (rest[0] != (byte)'.' || rest.Length is < 2 or > 10 || !Digits(rest[1..], out fraction))
            {
                return false;
            }

            for (var i = rest.Length - 1; i < 9; i++)
            {
                fraction *= 10;
            }
        }

        var days = DateOnly.FromDateTime(new DateTime((int)year, (int)month, (int)day, 0, 0, 0, DateTimeKind.Utc)).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var seconds = (days * 86_400L) + (hour * 3600) + (minute * 60) + second;
        if (seconds > long.MaxValue / NanosPerSecond - 1)
        {
            return false;
        }

        utcNanos = (seconds * NanosPerSecond) + fraction;
        return true;
    }

    /// <summary>
    /// Parses a positive integer epoch: up to 10 digits are seconds, 11–13 milliseconds, 14–16 microseconds, 17–19
    /// nanoseconds.
    /// </summary>
    public static bool TryParseEpoch(ReadOnlySpan<byte> text, out long utcNanos)
    {
        utcNanos = 0;
        if (text.IsEmpty || text.Length > 19 || !Digits(text, out var value) || value == 0)
        {
            return false;
        }

        var scale = text.Length switch { <= 10 => NanosPerSecond, <= 13 => 1_000_000L, <= 16 => 1_000L, _ => 1L };
        if (value > long.MaxValue / scale)
        {
            return false;
        }

        utcNanos = value * scale;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return text.Length == 19 && DigitsLong(text, out value);
        }

        foreach (var b in text)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool DigitsLong(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        foreach (var b in text)
        {
            if ((uint)(b - '0') > 9 || value > (long.MaxValue - 9) / 10)
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
