using System.Globalization;

namespace RoboTrader.Engine.Reporting.Html;

/// <summary>How report.html prints figures: invariant culture, an em dash for an undefined figure.</summary>
public static class Format
{
    /// <summary>What an undefined figure prints as.</summary>
    public const string Missing = "—";

    private static readonly CultureInfo s_c = CultureInfo.InvariantCulture;

    /// <summary>A fraction as a percentage with two decimals ("12.35%").</summary>
    public static string Percent(double? fraction) => fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("0.00", s_c) + "%" : Missing;

    /// <summary>A ratio with three decimals.</summary>
    public static string Ratio(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", s_c) : Missing;

    /// <summary>A number with <paramref name="decimals"/> decimals and thousands separators.</summary>
    public static string Number(double? value, int decimals) => value is { } v && double.IsFinite(v) ? v.ToString("N" + decimals.ToString(s_c), s_c) : Missing;

    /// <summary>An exact decimal as written (see <see cref="StatsJson.Money"/>).</summary>
    public static string Exact(decimal? value) => value is { } v ? StatsJson.Money(v) : Missing;

    /// <summary>A UTC time, "yyyy-MM-dd HH:mm:ss.ffffff".</summary>
    public static string Time(long? utcNanos) => utcNanos is { } t
        ? DateTime.UnixEpoch.AddTicks(t / 100).ToString("yyyy-MM-dd HH:mm:ss.ffffff", s_c)
        : Missing;

    /// <summary>A duration: "3d 04:05:06", "04:05:06" or "12.5s".</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || !double.IsFinite(s))
        {
            return Missing;
        }

        if (s < 60)
        {
            return s.ToString("0.###", s_c) + "s";
        }

        var span = TimeSpan.FromSeconds(Math.Round(s));
        var clock = span.ToString(@"hh\:mm\:ss", s_c);
        return span.Days > 0 ? span.Days.ToString(s_c) + "d " + clock : clock;
    }
}
