using System.Globalization;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Time;

namespace RoboTrader.Adapters.Lean;

/// <summary>
/// Reads LEAN's US-equity data folder (<c>equity/usa/{tick|minute}/&lt;sym&gt;/&lt;yyyymmdd&gt;_{trade|quote}.zip</c>, one
/// CSV entry each) and publishes every CSV line as one frame, all symbols merged into one stream ordered by
/// (date, time, symbol id, trade before quote, line within its file).
/// </summary>
/// <remarks>
/// Only the leading time field is read (for the merge); the parse stage reads the rest. Frames handed to
/// <see cref="Interleave"/> (e.g. signals) are merged in by their own time, after market rows of an equal time. A day without a file
/// (weekend, holiday, a symbol without quotes) is skipped. <see cref="RegisterSources"/> and <see cref="Run"/> are
/// called from one thread; <see cref="Run"/> allocates per file, never per line.
/// </remarks>
public sealed class LeanDataSource : IFrameSource
{
    /// <summary>The zone of LEAN US-equity row times (milliseconds after local midnight).</summary>
    public const string TimeZoneId = "America/New_York";

    /// <summary>Decimals of LEAN equity prices (integers in 1/10000 dollars).</summary>
    public const int PriceDecimals = 4;

    private const int CancellationCheckMask = 1023;

    private readonly List<LeanSourceFile> _files = [];
    private readonly LeanRunStatistics _statistics = new();
    private readonly LeanReadProgress _progress = new();
    private readonly int _chunkSize;
    private LeanCsvReader?[] _readers = [];
    private const int ReaderIndexBits = 12;
    private const long ReaderIndexMask = (1L << ReaderIndexBits) - 1;

    // Times beyond this (only in malformed rows, which the parse stage dead-letters) merge as if at this time.
    private const long MaxKeyTime = long.MaxValue >> ReaderIndexBits;

    private long[] _heap = [];
    private bool _registered;
    private IInterleavedFrames? _interleaved;

    /// <summary>Creates the source; checks the options and the data root now.</summary>
    /// <param name="dataRoot">The LEAN data folder (the one holding <c>equity/usa</c>).</param>
    /// <param name="symbols">Tickers to read (case-insensitive); at least one.</param>
    /// <param name="from">First date (inclusive).</param>
    /// <param name="to">Last date (inclusive).</param>
    /// <param name="resolution">Tick or minute data.</param>
    /// <exception cref="EngineException"><see cref="ErrorCode.ConfigurationInvalid"/>: a missing data root, no <c>equity/usa</c> in it, no or bad symbols, dates in the wrong order.</exception>
    public LeanDataSource(string dataRoot, IEnumerable<string> symbols, DateOnly from, DateOnly to, LeanResolution resolution)
        : this(dataRoot, symbols, from, to, resolution, LeanCsvReader.ChunkSize)
    {
    }

    internal LeanDataSource(string dataRoot, IEnumerable<string> symbols, DateOnly from, DateOnly to, LeanResolution resolution, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(dataRoot);
        ArgumentNullException.ThrowIfNull(symbols);
        DataRoot = CheckDataRoot(dataRoot);
        Symbols = CreateSymbols(symbols);
        if (from > to)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"LEAN data: the first date {from:yyyy-MM-dd} is after the last date {to:yyyy-MM-dd}");
        }

        if (!Enum.IsDefined(resolution))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"LEAN data: resolution {(int)resolution} is not Tick or Minute");
        }

        From = from;
        To = to;
        Resolution = resolution;
        _chunkSize = chunkSize;
    }

    /// <summary>The full path of the data root.</summary>
    public string DataRoot { get; }

    /// <summary>First date (inclusive).</summary>
    public DateOnly From { get; }

    /// <summary>Last date (inclusive).</summary>
    public DateOnly To { get; }

    /// <summary>The resolution read.</summary>
    public LeanResolution Resolution { get; }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <summary>The files registered by <see cref="RegisterSources"/>, in registration order: (date, symbol id, trade before quote).</summary>
    public IReadOnlyList<LeanSourceFile> Files => _files;

    /// <summary>Statistics of the last <see cref="Run"/>.</summary>
    public LeanRunStatistics Statistics => _statistics;

    /// <summary>How much of the data the current (or last) <see cref="Run"/> has read; readable from any thread while it runs.</summary>
    public LeanReadProgress Progress => _progress;

    /// <summary>The relative path of a data file: <c>equity/usa/&lt;resolution&gt;/&lt;sym lower&gt;/&lt;yyyymmdd&gt;_&lt;trade|quote&gt;.zip</c>.</summary>
    public static string RelativePath(LeanResolution resolution, string ticker, DateOnly date, LeanDataKind kind)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var folder = resolution switch
        {
            LeanResolution.Tick => "tick",
            LeanResolution.Minute => "minute",
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "not Tick or Minute"),
        };
        var suffix = kind == LeanDataKind.Trade ? "trade" : "quote";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"equity/usa/{folder}/{ticker.ToLowerInvariant()}/{date:yyyyMMdd}_{suffix}.zip");
    }

    /// <summary>The frame format of a resolution and kind.</summary>
    public static FrameFormat FormatOf(LeanResolution resolution, LeanDataKind kind) => (resolution, kind) switch
    {
        (LeanResolution.Tick, LeanDataKind.Trade) => FrameFormat.LeanTradeTick,
        (LeanResolution.Tick, LeanDataKind.Quote) => FrameFormat.LeanQuoteTick,
        (LeanResolution.Minute, LeanDataKind.Trade) => FrameFormat.LeanTradeBar,
        (LeanResolution.Minute, LeanDataKind.Quote) => FrameFormat.LeanQuoteBar,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "not Tick or Minute"),
    };

    /// <summary>
    /// Merges <paramref name="frames"/> into the stream: each is published before the first market row with a later
    /// UTC time (so at an equal time, market rows first, then the interleaved frames in their own order); frames left
    /// after the last row follow it. Call before <see cref="RegisterSources"/>; their source is registered after the
    /// LEAN files.
    /// </summary>
    public void Interleave(IInterleavedFrames frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (_registered)
        {
            throw new InvalidOperationException("Interleave must be called before RegisterSources");
        }

        _interleaved = frames;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One source per existing file, in the order (date, symbol id, trade before quote). Opens each zip to learn its
    /// entry name, so a zip that is not a zip fails here, before the run.
    /// </remarks>
    /// <exception cref="EngineException">A data file is unreadable.</exception>
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (_registered)
        {
            throw new InvalidOperationException("RegisterSources may be called only once");
        }

        _registered = true;
        var perDate = 0;
        for (var date = From; date <= To; date = date.AddDays(1))
        {
            var count = 0;
            for (var s = 0; s < Symbols.Count; s++)
            {
                var symbol = new SymbolId(s);
                foreach (var kind in (ReadOnlySpan<LeanDataKind>)[LeanDataKind.Trade, LeanDataKind.Quote])
                {
                    var relative = RelativePath(Resolution, Symbols[symbol], date, kind);
                    var path = Path.Combine(DataRoot, relative);
                    if (!File.Exists(path))
                    {
                        continue; // weekend, holiday, a symbol without quotes: not an error
                    }

                    var entryName = ReadEntryName(path);
                    var name = relative + "#" + entryName;
                    var format = FormatOf(Resolution, kind);
                    var id = registry.Register(new SourceDescriptor(symbol, format, date, TimeZoneId, PriceDecimals, name));
                    _files.Add(new LeanSourceFile(id, symbol, kind, date, path, entryName, name));
                    _progress.TotalBytes += new FileInfo(path).Length;
                    count++;
                }
            }

            perDate = Math.Max(perDate, count);
        }

        _readers = new LeanCsvReader?[perDate];
        if (perDate > ReaderIndexMask + 1)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"LEAN data: {perDate} files on one date; at most {ReaderIndexMask + 1} can be merged");
        }

        _heap = new long[perDate];
        _interleaved?.RegisterSources(registry);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A k-way merge per date: opens only that date's files, keeps a binary heap of their readers keyed by
    /// (time, reader index) where reader index order is (symbol id, trade before quote), so equal keys keep each
    /// file's line order. Returns early (without error) when cancelled.
    /// </remarks>
    /// <exception cref="EngineException">A data file is unreadable or holds a line longer than a frame may be.</exception>
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        if (!_registered)
        {
            throw new InvalidOperationException("RegisterSources must be called before Run");
        }

        _statistics.Reset();
        _progress.Reset();
        _interleaved?.Open();
        var first = 0;
        while (first < _files.Count && !cancellationToken.IsCancellationRequested)
        {
            var date = _files[first].Date;
            var end = first + 1;
            while (end < _files.Count && _files[end].Date == date)
            {
                end++;
            }

            RunDate(ingest, first, end - first, cancellationToken);
            first = end;
        }

        if (_interleaved is { } rest && !cancellationToken.IsCancellationRequested)
        {
            while (rest.NextTime != long.MaxValue)
            {
                rest.PublishNext(ingest);
            }
        }

        ingest.Flush();
    }

    // The run is one long loop over millions of lines: compile it optimized at once instead of waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunDate(IngestStage ingest, int first, int count, CancellationToken cancellationToken)
    {
        var readers = _readers;
        var opened = 0;
        var interleaved = _interleaved;
        var day = interleaved is null ? null : new LocalDay(_files[first].Date, TimeZoneId);
        try
        {
            var heapCount = 0;
            for (var k = 0; k < count; k++)
            {
                var reader = readers[k] ??= new LeanCsvReader(_chunkSize, _progress);
                reader.Open(_files[first + k]);
                opened++;
                _statistics.FileOpened();
                if (reader.MoveNext())
                {
                    _heap[heapCount++] = Key(reader.Time, k);
                    SiftUp(heapCount - 1);
                }
            }

            long published = 0;
            while (heapCount > 0)
            {
                var k = (int)(_heap[0] & ReaderIndexMask);
                var top = readers[k]!;
                if (interleaved is not null)
                {
                    PublishInterleaved(ingest, interleaved, day!.ToUtcNanos(top.Time));
                }

                ingest.Publish(top.Source, top.Line);
                top.Published++;
                if (top.MoveNext())
                {
                    _heap[0] = Key(top.Time, k);
                }
                else
                {
                    _heap[0] = _heap[--heapCount];
                }

                if (heapCount > 1)
                {
                    SiftDown(0, heapCount);
                }

                if ((++published & CancellationCheckMask) == 0 && cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            for (var k = 0; k < opened; k++)
            {
                var reader = readers[k]!;
                _statistics.AddFile(reader.Source, reader.Published, reader.EmptyLines, reader.InvalidTimes);
                reader.Close();
            }
        }
    }

    /// <summary>
    /// The merge key of a reader's current line: time in the high bits, the reader's index (symbol id order, trade
    /// before quote) in the low bits, so one integer comparison orders lines by (time, symbol, trade before quote), and
    /// a reader's own lines keep their file order. Heap entries are these keys: no indirection per comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Key(long time, int reader) => (Math.Clamp(time, 0, MaxKeyTime) << ReaderIndexBits) | (long)reader;

    /// <summary>Publishes the interleaved frames whose time is before <paramref name="utcNanos"/> (ties: market first).</summary>
    private static void PublishInterleaved(IngestStage ingest, IInterleavedFrames interleaved, long utcNanos)
    {
        while (interleaved.NextTime < utcNanos)
        {
            interleaved.PublishNext(ingest);
        }
    }

    private void SiftUp(int i)
    {
        var heap = _heap;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[i] >= heap[parent])
            {
                break;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i, int count)
    {
        var heap = _heap;
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= count)
            {
                return;
            }

            var child = left + 1 < count && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[child] >= heap[i])
            {
                return;
            }

            (heap[i], heap[child]) = (heap[child], heap[i]);
            i = child;
        }
    }

    private static string CheckDataRoot(string dataRoot)
    {
        string full;
        try
        {
            full = Path.GetFullPath(dataRoot);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"data root '{dataRoot}' is not a valid path: {ex.Message}", ex);
        }

        if (!Directory.Exists(full))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"data root '{full}' is not a LEAN data folder: the folder does not exist");
        }

        if (!Directory.Exists(Path.Combine(full, "equity", "usa")))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"data root '{full}' is not a LEAN data folder: it has no equity/usa folder");
        }

        return full;
    }

    private static SymbolTable CreateSymbols(IEnumerable<string> symbols)
    {
        SymbolTable table;
        try
        {
            table = new SymbolTable(symbols);
        }
        catch (ArgumentException ex)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"LEAN data: {ex.Message}", ex);
        }

        if (table.Count == 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, "LEAN data: no symbols given");
        }

        return table;
    }

    private static string ReadEntryName(string path)
    {
        using var archive = LeanZip.OpenArchive(path);
        return LeanZip.FindCsvEntry(archive, path).FullName;
    }
}
