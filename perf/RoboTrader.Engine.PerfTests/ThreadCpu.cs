using System.Globalization;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// On-CPU time of this process's threads, from Linux's <c>/proc/self/task/&lt;tid&gt;/schedstat</c> (first field: nanoseconds
/// the thread has run). A rate per second of the bottleneck thread's CPU time does not fall when other processes take
/// the cores, as a rate per wall-clock second does on a shared, oversubscribed machine (perf/RESULTS.md: the wall-clock
/// pipeline rate varied 5× between gate runs at load 20–30). Empty where /proc is absent (the callers fall back to wall time).
/// </summary>
public static class ThreadCpu
{
    /// <summary>True when per-thread CPU time can be read here.</summary>
    public static bool Available { get; } = File.Exists("/proc/thread-self/schedstat");

    /// <summary>The calling thread's kernel id (0 when unavailable).</summary>
    public static int CurrentThreadId()
        => Available && new DirectoryInfo("/proc/thread-self").LinkTarget is { } target
            ? int.Parse(target[(target.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture)
            : 0;

    /// <summary>Nanoseconds on the CPU of each live thread of the process, by kernel thread id.</summary>
    public static Dictionary<int, long> Snapshot()
    {
        var result = new Dictionary<int, long>();
        if (!Available)
        {
            return result;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var text = File.ReadAllText(Path.Combine(dir, "schedstat"));
                result[int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture)] = long.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the thread ended between the listing and the read
            }
        }

        return result;
    }

    /// <summary>The largest CPU time any thread but <paramref name="except"/> spent between two snapshots (ns): the busiest other thread's.</summary>
    public static long BusiestDelta(Dictionary<int, long> before, Dictionary<int, long> after, int except)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        long busiest = 0;
        foreach (var (tid, ns) in after)
        {
            if (tid != except)
            {
                busiest = Math.Max(busiest, ns - before.GetValueOrDefault(tid));
            }
        }

        return busiest;
    }

    /// <summary>CPU time of thread <paramref name="tid"/> between two snapshots (ns).</summary>
    public static long Delta(Dictionary<int, long> before, Dictionary<int, long> after, int tid)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.GetValueOrDefault(tid) - before.GetValueOrDefault(tid);
    }
}
