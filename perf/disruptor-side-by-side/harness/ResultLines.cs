using System.Globalization;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>Formats a scenario's rounds as result lines: median, best and every round, for both rings.</summary>
public static class ResultLines
{
    /// <summary>One line for a throughput scenario, two (p50, p99) for a latency scenario.</summary>
    public static IEnumerable<string> Format(string name, IReadOnlyList<RunResult> ours, IReadOnlyList<RunResult> theirs)
    {
        if (ours[0].Latency is null)
        {
            yield return Line(name, [.. ours.Select(r => r.EventsPerSecond / 1e6)], [.. theirs.Select(r => r.EventsPerSecond / 1e6)], higherIsBetter: true);
            yield break;
        }

        yield return Line(name + "-p50", [.. ours.Select(r => r.Latency!.Value.P50Nanos / 1e3)], [.. theirs.Select(r => r.Latency!.Value.P50Nanos / 1e3)], higherIsBetter: false);
        yield return Line(name + "-p99", [.. ours.Select(r => r.Latency!.Value.P99Nanos / 1e3)], [.. theirs.Select(r => r.Latency!.Value.P99Nanos / 1e3)], higherIsBetter: false);
    }

    private static string Line(string name, double[] ours, double[] theirs, bool higherIsBetter)
    {
        var oursMedian = Median(ours);
        var theirsMedian = Median(theirs);
        var oursBest = higherIsBetter ? ours.Max() : ours.Min();
        var theirsBest = higherIsBetter ? theirs.Max() : theirs.Min();
        return string.Create(CultureInfo.InvariantCulture,
            $"{name} ours {oursMedian:0.###} disruptor {theirsMedian:0.###} ratio {Ratio(oursMedian, theirsMedian, higherIsBetter):0.00}"
            + $" | best ours {oursBest:0.###} disruptor {theirsBest:0.###} ratio {Ratio(oursBest, theirsBest, higherIsBetter):0.00}"
            + $" | rounds ours {Join(ours)} disruptor {Join(theirs)}");
    }

    private static double Ratio(double ours, double theirs, bool higherIsBetter) => higherIsBetter ? ours / theirs : theirs / ours;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Join(double[] values) => string.Join(',', values.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
}
