using System.Globalization;

namespace RoboTrader.Cli.Progress;

/// <summary>The plain progress line written when the output is not a terminal.</summary>
public static class ProgressLine
{
    /// <summary>
    /// <c>progress 1,234,567 events  250,000 events/s  42.0%  elapsed 00:00:05</c>: the rate is over the time since
    /// <paramref name="previous"/>; the percent is left out when the source cannot tell it.
    /// </summary>
    public static string Format(ProgressSnapshot now, ProgressSnapshot previous)
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = (now.Elapsed - previous.Elapsed).TotalSeconds;
        var rate = seconds > 0 ? (now.Events - previous.Events) / seconds : 0;
        var percent = now.Fraction is { } f ? string.Create(c, $"  {f * 100:0.0}%") : "";
        return string.Create(c, $"progress {now.Events:N0} events  {rate:N0} events/s{percent}  elapsed {now.Elapsed:hh\\:mm\\:ss}");
    }
}
