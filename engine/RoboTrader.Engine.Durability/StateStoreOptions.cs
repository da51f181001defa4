using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// Where and how a <see cref="StateStore"/> keeps its data. Every size is explicit (FASTER's default memory size is
/// 16 GB) and given as a power-of-two bit count.
/// </summary>
public sealed record StateStoreOptions
{
    /// <summary>The store's own folder (log, checkpoints, settings). One store per folder.</summary>
    public required string Directory { get; init; }

    /// <summary>Hash index, 2^bits bytes (64-byte buckets of 7 entries; 20 = 1 MB ≈ 16k buckets). Fixed for the store.</summary>
    public required int IndexSizeBits { get; init; }

    /// <summary>Log page, 2^bits bytes; a record (key, value, 16 bytes of header) must fit. Fixed for the store.</summary>
    public required int PageSizeBits { get; init; }

    /// <summary>In-memory log, 2^bits bytes; at least two pages. May change between opens.</summary>
    public required int MemorySizeBits { get; init; }

    /// <summary>Log segment file, 2^bits bytes; at least one page. Fixed for the store.</summary>
    public required int SegmentSizeBits { get; init; }

    /// <summary>Throws an <see cref="EngineException"/> (<see cref="ErrorCode.ConfigurationInvalid"/>) on a bad value.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
            throw Invalid(nameof(Directory), "must be a folder path");
        if (IndexSizeBits is < 9 or > 36)
            throw Invalid(nameof(IndexSizeBits), $"{IndexSizeBits} is outside 9..36");
        if (PageSizeBits is < 12 or > 30)
            throw Invalid(nameof(PageSizeBits), $"{PageSizeBits} is outside 12..30");
        if (MemorySizeBits < PageSizeBits + 1 || MemorySizeBits > 40)
            throw Invalid(nameof(MemorySizeBits), $"{MemorySizeBits} must be at least PageSizeBits + 1 (two pages) and at most 40");
        if (SegmentSizeBits < PageSizeBits || SegmentSizeBits > 40)
            throw Invalid(nameof(SegmentSizeBits), $"{SegmentSizeBits} must be at least PageSizeBits and at most 40");
    }

    private static EngineException Invalid(string setting, string why) =>
        new(ErrorCode.ConfigurationInvalid, $"State store option {setting}: {why}.");
}
