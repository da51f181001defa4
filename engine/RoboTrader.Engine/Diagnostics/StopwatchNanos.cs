using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Diagnostics;

/// <summary>Monotonic <see cref="Stopwatch"/> stamps in nanoseconds (1 tick = 1 ns on Linux), for measurement only.</summary>
public static class StopwatchNanos
{
    private static readonly double s_nanosPerTick = 1e9 / Stopwatch.Frequency;

    /// <summary>Nanoseconds from <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value) to now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Since(long startTimestamp) => ToNanos(Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>Converts a <see cref="Stopwatch"/> tick count to nanoseconds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToNanos(long ticks) => Stopwatch.Frequency == 1_000_000_000 ? ticks : (long)(ticks * s_nanosPerTick);

    /// <summary>The <see cref="Stopwatch"/> timestamp <paramref name="nanos"/> after <paramref name="startTimestamp"/>.</summary>
    public static long After(long startTimestamp, long nanos)
        => startTimestamp + (Stopwatch.Frequency == 1_000_000_000 ? nanos : (long)(nanos / s_nanosPerTick));
}
