using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Journal;

/// <summary>The engine's journal folder: FasterLog settings it always uses, and the source catalog beside the log.</summary>
public static class JournalFiles
{
    /// <summary>4 MiB pages: one frame record must fit in a page.</summary>
    public const int PageSizeBits = 22;

    /// <summary>
    /// 256 MiB of log in memory (allocated a page at a time as the log grows). With 64 MiB the appending thread waited
    /// in FasterLog's enqueue for up to a second at a time for pages to be flushed and evicted (perf: both pipeline
    /// threads idle, the enqueue spinning); with 256 MiB the real-data backtest with a delta journal and no checkpoints
    /// ran at 4.22 against 3.21 M events/s (median of 5, interleaved). Not part of the stored settings: a journal
    /// written with either opens with the other.
    /// </summary>
    public const int MemorySizeBits = 28;

    /// <summary>1 GiB segment files.</summary>
    public const int SegmentSizeBits = 30;

    /// <summary>Options for the journal in <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="commitEveryRecords">Group commit after this many records...</param>
    /// <param name="commitInterval">...or this long since the last commit, whichever first.</param>
    /// <param name="mode">Durability policy.</param>
    public static InputJournalOptions Options(string directory, int commitEveryRecords, TimeSpan commitInterval, DurabilityMode mode = DurabilityMode.Async)
        => new()
        {
            Directory = directory,
            PageSizeBits = PageSizeBits,
            MemorySizeBits = MemorySizeBits,
            SegmentSizeBits = SegmentSizeBits,
            CommitEveryRecords = commitEveryRecords,
            CommitInterval = commitInterval,
            Mode = mode,
        };

    /// <summary>Opens an existing journal for reading; throws naming the folder when there is none.</summary>
    public static (InputJournal Journal, SourceCatalog Catalog) OpenExisting(string directory)
    {
        var catalogPath = Path.Combine(directory, SourceCatalog.FileName);
        if (!InputJournal.Exists(directory) || !File.Exists(catalogPath))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"'{directory}' holds no journal (no journal settings or {SourceCatalog.FileName})");
        }

        var catalog = SourceCatalog.Decode(File.ReadAllBytes(catalogPath), $"'{catalogPath}'", out _);
        return (InputJournal.Open(Options(directory, 1024, TimeSpan.FromMilliseconds(5))), catalog);
    }
}
