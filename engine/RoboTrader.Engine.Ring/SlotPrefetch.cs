namespace RoboTrader.Engine.Ring;

/// <summary>
/// How a consumer prefetches a slot it will handle shortly: while it handles sequence <c>n</c> of a batch, it asks the
/// CPU for the cache lines of slot <c>n + <see cref="Distance"/></c> (only when that slot is already in the batch, so
/// it never reads a line the producer is still writing). The slot's lines were written by the producer on another
/// core, so the first read of each would otherwise stall the consumer for a cross-core transfer.
/// </summary>
/// <remarks>
/// For a reference-type slot the lines are <see cref="Bytes"/> from the start of the slot object; for a value-type
/// slot, from the start of the slot in the ring's array. Off (the default) when either is 0, and on CPUs without a
/// prefetch instruction the runtime exposes. <see cref="NonTemporal"/> asks for the lines with the non-temporal hint
/// (x86 <c>prefetchnta</c>): into the nearest cache without keeping them in the outer ones, for slots read once a lap.
/// </remarks>
public readonly record struct SlotPrefetch
{
    /// <summary>Largest <see cref="Distance"/>.</summary>
    public const int MaxDistance = 64;

    /// <summary>Largest <see cref="Bytes"/>.</summary>
    public const int MaxBytes = 4096;

    /// <summary>Creates the setting.</summary>
    /// <param name="distance">How many slots ahead (0..<see cref="MaxDistance"/>; 0 turns prefetching off).</param>
    /// <param name="bytes">How many bytes of the slot (0..<see cref="MaxBytes"/>; 0 turns prefetching off).</param>
    /// <param name="nonTemporal">Fetch with the non-temporal hint (<see cref="NonTemporal"/>).</param>
    public SlotPrefetch(int distance, int bytes, bool nonTemporal = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(distance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distance, MaxDistance);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, MaxBytes);
        Distance = distance;
        Bytes = bytes;
        NonTemporal = nonTemporal;
    }

    /// <summary>How many slots ahead of the one being handled.</summary>
    public int Distance { get; }

    /// <summary>How many bytes of the slot are fetched.</summary>
    public int Bytes { get; }

    /// <summary>True to fetch with the non-temporal hint: the lines are not kept in the outer caches.</summary>
    public bool NonTemporal { get; }

    /// <summary>True when a slot is prefetched at all.</summary>
    public bool Enabled => Distance > 0 && Bytes > 0;

    /// <summary>
    /// Whether the non-temporal hint pays on this machine's CPU (<see cref="NonTemporalPaysOn"/> of its CPUID vendor).
    /// </summary>
    public static bool NonTemporalPays { get; } = NonTemporalPaysOn(CpuVendor());

    /// <summary>
    /// Whether the non-temporal hint pays for slots on a CPU of <paramref name="vendor"/> (the CPUID vendor string). The
    /// two hints were measured on the real-data backtest with state on, two vendors' 2-core VMs (perf/RESULTS.md): on
    /// AMD (Zen 4) <c>prefetchnta</c> beat <c>prefetcht0</c> by 1.03–1.09×; on Intel (Sapphire Rapids) <c>prefetcht0</c>
    /// beat <c>prefetchnta</c> by 1.10–1.22×. Unknown vendors get the plain hint.
    /// </summary>
    public static bool NonTemporalPaysOn(string vendor) => vendor == "AuthenticAMD";

    /// <summary>The CPUID vendor string ("GenuineIntel", "AuthenticAMD", ...), or "" off x86.</summary>
    public static string CpuVendor()
    {
        if (!System.Runtime.Intrinsics.X86.X86Base.IsSupported)
        {
            return "";
        }

        var (_, ebx, ecx, edx) = System.Runtime.Intrinsics.X86.X86Base.CpuId(0, 0);
        Span<byte> name = stackalloc byte[12];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(name, ebx);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(name[4..], edx);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(name[8..], ecx);
        return System.Text.Encoding.ASCII.GetString(name);
    }
}
