using System.Globalization;
using RoboTrader.Engine.DisruptorSideBySide;

// Usage: disruptor-side-by-side [--rounds N] [--seconds S] [--scenarios a,b,...] [--disruptor-commit SHA]
// Prints one line per scenario: "<scenario> ours <median> disruptor <median> ratio <x> | best ... | rounds ...".

var rounds = 5;
var seconds = 2.0;
var names = Scenarios.All.Select(s => s.Name).ToList();
var commit = "unknown";
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1:
            rounds = r;
            i++;
            break;
        case "--seconds" when double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0:
            seconds = s;
            i++;
            break;
        case "--scenarios" when value is not null:
            names = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            i++;
            break;
        case "--disruptor-commit" when value is not null:
            commit = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"bad argument '{args[i]}' (value '{value}'). Usage: [--rounds N≥1] [--seconds S>0] [--scenarios "
                + string.Join(',', Scenarios.All.Select(s => s.Name)) + "] [--disruptor-commit SHA]");
            return 2;
    }
}

var unknown = names.Where(n => Scenarios.All.All(s => s.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine("unknown scenario(s): " + string.Join(", ", unknown) + " (known: " + string.Join(", ", Scenarios.All.Select(s => s.Name)) + ")");
    return 2;
}

var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"# ours = RoboTrader.Engine.Ring, disruptor = Disruptor-net {commit}; {rounds} round(s) of {seconds:0.###} s after a {Measurement.WarmUp(duration).TotalSeconds:0.###} s warm-up, alternating which runs first; {Environment.ProcessorCount} processors; loadavg {LoadAverage()}"));
Console.WriteLine("# throughput: M events/s, median of rounds, ratio = ours / disruptor; latency: round trip in µs, ratio = disruptor / ours (≥ 1 means ours is at least as good in both)");
foreach (var scenario in Scenarios.All.Where(s => names.Contains(s.Name)))
{
    var ours = new List<RunResult>();
    var theirs = new List<RunResult>();
    for (var round = 0; round < rounds; round++)
    {
        if (round % 2 == 0)
        {
            ours.Add(Once(scenario.Ours, duration));
            theirs.Add(Once(scenario.Theirs, duration));
        }
        else
        {
            theirs.Add(Once(scenario.Theirs, duration));
            ours.Add(Once(scenario.Ours, duration));
        }
    }

    foreach (var line in ResultLines.Format(scenario.Name, ours, theirs))
    {
        Console.WriteLine(line);
    }
}

Console.WriteLine("# loadavg at the end " + LoadAverage());
return 0;

static RunResult Once(Func<TimeSpan, RunResult> run, TimeSpan duration)
{
    // Start each run from a collected heap so one ring's garbage does not land in the other's window.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return run(duration);
}

static string LoadAverage()
{
    const string path = "/proc/loadavg";
    return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
}
