using RoboTrader.Engine.Ingest;

namespace RoboTrader.Adapters.Lean;

/// <summary>What the last <see cref="LeanDataSource.Run"/> did: lines published per source, files opened, lines skipped.</summary>
/// <remarks>Written only by the thread running <see cref="LeanDataSource.Run"/>; read it after the run returns.</remarks>
public sealed class LeanRunStatistics
{
    private readonly Dictionary<SourceId, long> _linesPublished = [];

    /// <summary>Data files opened (one per registered file whose date was reached).</summary>
    public int FilesOpened { get; private set; }

    /// <summary>Empty lines skipped (not published).</summary>
    public long EmptyLinesSkipped { get; private set; }

    /// <summary>Lines whose leading time field is not an integer (published anyway; merged at the previous line's time).</summary>
    public long LinesWithInvalidTime { get; private set; }

    /// <summary>Lines published over all sources.</summary>
    public long LinesPublished { get; private set; }

    /// <summary>Lines published by <paramref name="source"/> (0 for a source that published nothing).</summary>
    public long LinesPublishedBy(SourceId source) => _linesPublished.GetValueOrDefault(source);

    internal void Reset()
    {
        _linesPublished.Clear();
        FilesOpened = 0;
        EmptyLinesSkipped = 0;
        LinesWithInvalidTime = 0;
        LinesPublished = 0;
    }

    internal void FileOpened() => FilesOpened++;

    internal void AddFile(SourceId source, long published, long empty, long invalidTime)
    {
        _linesPublished[source] = _linesPublished.GetValueOrDefault(source) + published;
        LinesPublished += published;
        EmptyLinesSkipped += empty;
        LinesWithInvalidTime += invalidTime;
    }
}
