using FASTER.core;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// The 64-bit key of a <see cref="StateStore"/> record, with its own stable hash.
/// </summary>
/// <remarks>
/// WARNING: a struct key without <see cref="IFasterEqualityComparer{T}"/> falls back to the runtime's per-process
/// randomized hash, and after a restart no recovered key is found. This hash depends only on the id.
/// </remarks>
internal readonly struct StateKey : IFasterEqualityComparer<StateKey>
{
    public StateKey(long id) => Id = id;

    public long Id { get; }

    public long GetHashCode64(ref StateKey key) => Utility.GetHashCode(key.Id);

    public bool Equals(ref StateKey k1, ref StateKey k2) => k1.Id == k2.Id;
}
