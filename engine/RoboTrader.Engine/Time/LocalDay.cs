using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Time;

/// <summary>
/// Converts "milliseconds since local midnight" of one trading day in one time zone to UTC nanoseconds, with the
/// zone's rules applied (a daylight-saving switch on the day is honoured). Built once per source, used per frame.
/// </summary>
public sealed class LocalDay
{
    private const long NanosPerMillisecond = 1_000_000;
    private static readonly DateTime s_unixEpoch = DateTime.UnixEpoch;

    private readonly TimeZoneInfo _zone;
    private readonly DateOnly _date;
    private readonly long _midnightUtcNanos;
    private readonly bool _uniformOffset;

    /// <summary>Creates the converter for <paramref name="date"/> in the IANA zone <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown on this machine.</exception>
    public LocalDay(DateOnly date, string timeZoneId)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        _date = date;
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var startOffset = _zone.GetUtcOffset(midnight);
        var endOffset = _zone.GetUtcOffset(midnight.AddDays(1).AddTicks(-1));
        _uniformOffset = startOffset == endOffset;
        _midnightUtcNanos = ToUnixNanos(midnight - startOffset);
    }

    /// <summary>UTC nanoseconds since the Unix epoch of the local midnight that starts the day.</summary>
    public long MidnightUtcNanos => _midnightUtcNanos;

    /// <summary>The UTC time, in nanoseconds since the Unix epoch, of <paramref name="millisecondsOfDay"/> local time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ToUtcNanos(long millisecondsOfDay)
        => _uniformOffset ? _midnightUtcNanos + (millisecondsOfDay * NanosPerMillisecond) : SwitchDay(millisecondsOfDay);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long SwitchDay(long millisecondsOfDay)
    {
        var local = _date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMilliseconds(millisecondsOfDay);
        return ToUnixNanos(local - _zone.GetUtcOffset(local));
    }

    private static long ToUnixNanos(DateTime utc) => (utc - s_unixEpoch).Ticks * 100;
}
