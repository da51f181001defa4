using System.Globalization;

namespace RoboTrader.Engine.Time;

/// <summary>Formatting of event times (UTC nanoseconds since the Unix epoch).</summary>
public static class EventTime
{
    /// <summary>ISO 8601 UTC with microseconds, e.g. "2013-10-07T13:30:00.614000Z" — parseable by every common library.</summary>
    public static string ToIso(long utcNanos)
        => DateTime.UnixEpoch.AddTicks(utcNanos / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="ToIso"/>'s form as ASCII into <paramref name="destination"/> (27 bytes).</summary>
    public static int WriteIso(long utcNanos, Span<byte> destination)
    {
        var t = DateTime.UnixEpoch.AddTicks(utcNanos / 100);
        Span<char> chars = stackalloc char[32];
        t.TryFormat(chars, out var n, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        for (var i = 0; i < n; i++)
        {
            destination[i] = (byte)chars[i];
        }

        return n;
    }
}
