using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Diagnostics;

/// <summary>
/// Pins the calling thread to one CPU (Linux <c>sched_setaffinity</c>): a stage thread that never migrates keeps its
/// caches warm and is not moved behind another thread by the scheduler. A no-op returning false elsewhere.
/// </summary>
public static partial class ThreadAffinity
{
    /// <summary>Pins the calling thread to <paramref name="cpu"/>; false when the platform or the CPU does not allow it.</summary>
    public static bool PinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= Environment.ProcessorCount || cpu >= 64)
        {
            return false;
        }

        ulong mask = 1UL << cpu;
        return SchedSetAffinity(0, (nuint)sizeof(ulong), ref mask) == 0;
    }

    /// <summary>Lets the calling thread run on every CPU again.</summary>
    public static bool Unpin()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var mask = Environment.ProcessorCount >= 64 ? ulong.MaxValue : (1UL << Environment.ProcessorCount) - 1;
        return SchedSetAffinity(0, (nuint)sizeof(ulong), ref mask) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint cpuSetSize, ref ulong mask);
}
