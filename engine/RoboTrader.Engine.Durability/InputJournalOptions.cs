using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// Where and how an <see cref="InputJournal"/> stores its records. Sizes are powers of two given as bit counts and have
/// no defaults on purpose: FASTER's own defaults are sized for servers, and the page and segment sizes are fixed for
/// the life of a journal (they are persisted beside it and checked on every open).
/// </summary>
public sealed record InputJournalOptions
{
    /// <summary>The folder that holds the journal (created if absent). One journal per folder.</summary>
    public required string Directory { get; init; }

    /// <summary>Log page size, 2^bits bytes (e.g. 22 = 4 MB). A record must fit in a page. Fixed for the journal.</summary>
    public required int PageSizeBits { get; init; }

    /// <summary>In-memory part of the log, 2^bits bytes; at least two pages. May change between opens.</summary>
    public required int MemorySizeBits { get; init; }

    /// <summary>Size of one file on disk, 2^bits bytes; at least one page. Fixed for the journal.</summary>
    public required int SegmentSizeBits { get; init; }

    /// <summary>Group commit: commit after this many appended records (1 commits every record).</summary>
    public int CommitEveryRecords { get; init; } = 1024;

    /// <summary>
    /// Group commit: commit when this long has passed since the last commit and something is uncommitted. Checked in
    /// <see cref="InputJournal.Append"/> and <see cref="InputJournal.CommitIfDue"/> (there is no timer thread).
    /// </summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Whether execution waits for the journal; see <see cref="DurabilityMode"/>.</summary>
    public DurabilityMode Mode { get; init; } = DurabilityMode.Async;

    /// <summary>Throws an <see cref="EngineException"/> (<see cref="ErrorCode.ConfigurationInvalid"/>) on a bad value.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
            throw Invalid(nameof(Directory), "must be a folder path");
        if (PageSizeBits is < 12 or > 30)
            throw Invalid(nameof(PageSizeBits), $"{PageSizeBits} is outside 12..30");
        if (MemorySizeBits < PageSizeBits + 1 || MemorySizeBits > 40)
            throw Invalid(nameof(MemorySizeBits), $"{MemorySizeBits} must be at least PageSizeBits + 1 (two pages) and at most 40");
        if (SegmentSizeBits < PageSizeBits || SegmentSizeBits > 40)
            throw Invalid(nameof(SegmentSizeBits), $"{SegmentSizeBits} must be at least PageSizeBits and at most 40");
        if (CommitEveryRecords < 1)
            throw Invalid(nameof(CommitEveryRecords), $"{CommitEveryRecords} must be at least 1");
        if (CommitInterval <= TimeSpan.Zero)
            throw Invalid(nameof(CommitInterval), $"{CommitInterval} must be positive");
        if (!Enum.IsDefined(Mode))
            throw Invalid(nameof(Mode), $"{Mode} is not a durability mode");
    }

    private static EngineException Invalid(string setting, string why) =>
        new(ErrorCode.ConfigurationInvalid, $"Input journal option {setting}: {why}.");
}
