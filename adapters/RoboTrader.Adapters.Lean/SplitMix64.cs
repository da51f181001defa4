namespace RoboTrader.Adapters.Lean;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a tiny deterministic generator whose output is fixed by its seed on every
/// machine and runtime version, unlike <see cref="System.Random"/>. Not for cryptography.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    /// <summary>Creates the generator at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Mixes <paramref name="value"/> into <paramref name="hash"/> (for deriving per-file seeds).</summary>
    public static ulong Mix(ulong hash, ulong value)
    {
        var g = new SplitMix64(hash ^ (value * 0x9E3779B97F4A7C15UL));
        return g.Next();
    }

    /// <summary>FNV-1a of an ASCII string, for seeding from a ticker.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>) (the modulo bias is negligible for small bounds).</summary>
    public int NextInt(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);
}
