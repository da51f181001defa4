using System.IO.Compression;

namespace RoboTrader.Adapters.Lean;

/// <summary>What <see cref="LeanDataGenerator"/> writes.</summary>
public sealed class LeanGeneratorOptions
{
    /// <summary>Tickers (case-insensitive); at least one.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }

    /// <summary>First date (inclusive); Saturdays and Sundays are skipped.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last date (inclusive).</summary>
    public required DateOnly To { get; init; }

    /// <summary>The seed: the same seed gives the same CSV bytes everywhere.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Approximate trade ticks per symbol and day (about as many quote ticks are written); 1 to 1,000,000.</summary>
    public int TicksPerDay { get; init; } = 10_000;

    /// <summary>Resolutions to write: tick trade+quote files, minute trade+quote bar files, or both.</summary>
    public IReadOnlyList<LeanResolution> Resolutions { get; init; } = [LeanResolution.Tick, LeanResolution.Minute];

    /// <summary>
    /// Compression of the zip entries. The CSV bytes are identical everywhere; the zip bytes are identical for the
    /// same runtime and OS (the deflate library and the zip's "made by" field may differ elsewhere).
    /// <see cref="CompressionLevel.NoCompression"/> leaves only the "made by" field platform-dependent.
    /// </summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Optimal;
}
