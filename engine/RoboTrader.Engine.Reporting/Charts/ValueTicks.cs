namespace RoboTrader.Engine.Reporting.Charts;

/// <summary>"Nice" value-axis ticks: a step of 1, 2 or 5 × 10ᵏ giving about five ticks that enclose the data.</summary>
public static class ValueTicks
{
    /// <summary>The axis range (a multiple of the step at each end) and its ticks, for data in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static (double Low, double High, double Step, double[] Ticks) For(double min, double max, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"not a finite range: [{min}, {max}]");
        }

        if (max - min <= Math.Abs(max) * 1e-12)
        {
            // A flat series: a small band around the value, so it draws as a level line mid-chart.
            var pad = Math.Max(Math.Abs(max) * 0.001, 1e-6);
            min -= pad;
            max += pad;
        }

        var raw = (max - min) / target;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 } * magnitude;
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        var count = (int)Math.Round((high - low) / step) + 1;
        var ticks = new double[count];
        for (var i = 0; i < count; i++)
        {
            ticks[i] = low + (i * step);
        }

        return (low, high, step, ticks);
    }

    /// <summary>Decimals needed to tell ticks <paramref name="step"/> apart.</summary>
    public static int Decimals(double step) => Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 10);
}
