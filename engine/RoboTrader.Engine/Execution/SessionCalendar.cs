namespace RoboTrader.Engine.Execution;

/// <summary>
/// When a DAY order's session ends: the market close (local time of the exchange's zone) of the day it was submitted,
/// or, when it was submitted at or after that close, of the next weekday (holidays are not known: an order submitted
/// after the close before a holiday expires at the first event at or after the holiday's close time).
/// </summary>
public sealed class SessionCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _close;

    /// <summary>Creates the calendar for <paramref name="close"/> in the IANA zone <paramref name="timeZoneId"/>.</summary>
    public SessionCalendar(TimeOnly close, string timeZoneId)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        _close = close.ToTimeSpan();
    }

    /// <summary>UTC nanoseconds of the first session close after an order submitted at <paramref name="utcNanos"/>.</summary>
    /// <remarks>Rare path (a DAY order's submission); allocation-free.</remarks>
    public long CloseAfter(long utcNanos)
    {
        var utc = DateTime.UnixEpoch.AddTicks(utcNanos / 100);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);
        var close = local.Date + _close;
        if (local >= close)
        {
            close = close.AddDays(1);
        }

        while (close.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            close = close.AddDays(1);
        }

        var closeUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(close, DateTimeKind.Unspecified), _zone);
        return (closeUtc - DateTime.UnixEpoch).Ticks * 100;
    }
}
