using System.Globalization;
using System.Text;
using RoboTrader.Engine.Reporting.Html;

namespace RoboTrader.Engine.Reporting.Charts;

/// <summary>
/// Draws one time series as an inline SVG chart: a viewBox, value ticks with grid lines and labels, time ticks with
/// labels, and the series as one path (a line, or for <see cref="ChartKind.Area"/> a closed area filled down to
/// zero, with its edge). The x axis is the sample order; long series are thinned by <see cref="Downsampler"/>.
/// </summary>
public static class SvgChart
{
    /// <summary>Most points drawn per series.</summary>
    public const int MaxPoints = 2000;

    private const double Width = 960, Height = 300, Left = 88, Right = 944, Top = 16, Bottom = 260;

    /// <summary>Writes the chart.</summary>
    /// <param name="html">The page.</param>
    /// <param name="id">The svg element's id.</param>
    /// <param name="title">Its title (accessible name).</param>
    /// <param name="utcNanos">Sample times, non-decreasing.</param>
    /// <param name="values">Sample values, finite.</param>
    /// <param name="kind">Line or area.</param>
    /// <param name="formatValue">Formats a tick value given the tick step.</param>
    public static void Write(HtmlWriter html, string id, string title, IReadOnlyList<long> utcNanos, IReadOnlyList<double> values, ChartKind kind, Func<double, double, string> formatValue)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(utcNanos);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(formatValue);
        if (utcNanos.Count != values.Count)
        {
            throw new ArgumentException("one time per value", nameof(values));
        }

        var n = values.Count;
        var picked = Downsampler.MinMax(values, MaxPoints);
        html.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"").Attribute("id", id)
            .Raw(" viewBox=\"0 0 960 300\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"").Attribute("aria-label", title)
            .Attribute("data-samples", n.ToString(CultureInfo.InvariantCulture))
            .Attribute("data-points", picked.Length.ToString(CultureInfo.InvariantCulture)).Raw(">\n");
        html.Raw("<title>").Text(title).Raw("</title>\n");
        html.Raw("<rect class=\"plot\"").Attribute("x", F(Left)).Attribute("y", F(Top)).Attribute("width", F(Right - Left)).Attribute("height", F(Bottom - Top)).Raw("/>\n");
        if (n == 0)
        {
            html.Raw("<text class=\"empty\" x=\"516\" y=\"140\" text-anchor=\"middle\">no samples</text>\n</svg>\n");
            return;
        }

        var min = values.Min();
        var max = values.Max();
        if (kind == ChartKind.Area)
        {
            max = 0;
            min = Math.Min(min, -1e-4); // no drawdown: a flat line at 0 on a small scale
        }

        var (low, high, step, ticks) = ValueTicks.For(min, max);
        double Y(double v) => Bottom - ((v - low) / (high - low) * (Bottom - Top));
        double X(int i) => n == 1 ? (Left + Right) / 2 : Left + ((double)i / (n - 1) * (Right - Left));

        html.Raw("<g class=\"y-axis\">\n");
        foreach (var tick in ticks)
        {
            var y = F(Y(tick));
            html.Raw("<line class=\"grid\"").Attribute("x1", F(Left)).Attribute("x2", F(Right)).Attribute("y1", y).Attribute("y2", y).Raw("/>");
            html.Raw("<text").Attribute("x", F(Left - 6)).Attribute("y", F(Y(tick) + 4)).Raw(" text-anchor=\"end\">").Text(formatValue(tick, step)).Raw("</text>\n");
        }

        html.Raw("</g>\n<g class=\"x-axis\">\n");
        html.Raw("<line class=\"axis\"").Attribute("x1", F(Left)).Attribute("x2", F(Right)).Attribute("y1", F(Bottom)).Attribute("y2", F(Bottom)).Raw("/>\n");
        var lastX = double.NegativeInfinity;
        foreach (var (index, label) in TimeTicks.For(utcNanos))
        {
            var x = X(index);
            if (x - lastX < 70)
            {
                continue; // too close to the previous label to read
            }

            lastX = x;
            html.Raw("<line class=\"tick\"").Attribute("x1", F(x)).Attribute("x2", F(x)).Attribute("y1", F(Bottom)).Attribute("y2", F(Bottom + 5)).Raw("/>");
            html.Raw("<text").Attribute("x", F(x)).Attribute("y", F(Bottom + 20)).Raw(" text-anchor=\"middle\">").Text(label).Raw("</text>\n");
        }

        html.Raw("</g>\n");
        var line = new StringBuilder(picked.Length * 14);
        foreach (var i in picked)
        {
            line.Append(line.Length == 0 ? "M" : " L").Append(F(X(i))).Append(',').Append(F(Y(values[i])));
        }

        if (kind == ChartKind.Area)
        {
            var zero = F(Y(0));
            var area = new StringBuilder(line.Length + 64);
            area.Append('M').Append(F(X(picked[0]))).Append(',').Append(zero).Append(" L").Append(line, 1, line.Length - 1)
                .Append(" L").Append(F(X(picked[^1]))).Append(',').Append(zero).Append(" Z");
            html.Raw("<path class=\"area\"").Attribute("d", area.ToString()).Raw("/>\n");
        }

        html.Raw("<path class=\"series\"").Attribute("d", line.ToString()).Raw("/>\n");
        if (n == 1)
        {
            html.Raw("<circle class=\"point\"").Attribute("cx", F(X(0))).Attribute("cy", F(Y(values[0]))).Raw(" r=\"3\"/>\n");
        }

        html.Raw("</svg>\n");
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
