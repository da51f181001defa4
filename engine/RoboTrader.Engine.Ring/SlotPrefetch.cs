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
}
