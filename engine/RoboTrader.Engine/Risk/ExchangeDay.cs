namespace RoboTrader.Engine.Risk;

/// <summary>The exchange's trading day (the date in America/New_York) of an event time, for the daily loss limit.</summary>
public static class ExchangeDay
{
    private static readonly TimeZoneInfo s_zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>UTC nanoseconds of the New York midnight that ends the day holding <paramref name="utcNanos"/>.</summary>
    /// <remarks>Called once per day (not per event): converts through <see cref="TimeZoneInfo"/>.</remarks>
    public static long EndOfDayNanos(long utcNanos)
    {
        var utc = DateTime.UnixEpoch.AddTicks(utcNanos / 100);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, s_zone);
        var next = DateTime.SpecifyKind(local.Date.AddDays(1), DateTimeKind.Unspecified);
        return (TimeZoneInfo.ConvertTimeToUtc(next, s_zone) - DateTime.UnixEpoch).Ticks * 100;
    }
}
