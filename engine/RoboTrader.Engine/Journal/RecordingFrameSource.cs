using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Replays a recording (a journal exported as MessagePack: the source catalog, then journal records) through ingest,
/// frame by frame in recorded order, streaming the file through a buffer. The replay is the recorded run's input
/// exactly, so a backtest on it reproduces that run's outputs.
/// </summary>
public sealed class RecordingFrameSource : IFrameSource
{
    private const int ChunkSize = 1 << 20;

    private readonly string _path;
    private readonly SourceCatalog _catalog;
    private readonly int _catalogLength;

    /// <summary>Opens <paramref name="path"/> and reads its catalog; throws an <see cref="EngineException"/> naming the file when it is not a recording.</summary>
    public RecordingFrameSource(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"recording '{path}' does not exist");
        }

        _path = path;
        using var stream = File.OpenRead(path);
        var head = new byte[(int)Math.Min(stream.Length, 64L << 20)];
        stream.ReadExactly(head);
        _catalog = SourceCatalog.Decode(head, $"'{path}'", out _catalogLength);
    }

    /// <inheritdoc />
    public SymbolTable Symbols => _catalog.Symbols;

    /// <summary>Frames published by the last run.</summary>
    public long Published { get; private set; }

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var s in _catalog.Sources)
        {
            registry.Register(s);
        }
    }

    /// <inheritdoc />
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = _catalogLength;
        var buffer = new byte[ChunkSize];
        int start = 0, end = 0;
        var endOfFile = false;
        long lastSequence = -1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var pending = buffer.AsSpan(start, end - start);
            if (JournalRecordCodec.TryDecode(pending, out var sequence, out var source, out _, out var frame, out var consumed))
            {
                if (sequence <= lastSequence)
                {
                    throw new EngineException(ErrorCode.MarketDataUnreadable, $"recording '{_path}': sequence {sequence} after {lastSequence}");
                }

                lastSequence = sequence;
                ingest.Publish(new SourceId(source), frame);
                Published++;
                start += consumed;
                continue;
            }

            if (endOfFile)
            {
                if (pending.IsEmpty)
                {
                    break;
                }

                throw new EngineException(ErrorCode.MarketDataUnreadable, $"recording '{_path}': the record after sequence {lastSequence} is damaged or truncated");
            }

            // Not a whole record in the buffer: move the rest to the front (growing for a record larger than the buffer) and read on.
            if (start == 0 && end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            pending.CopyTo(buffer);
            end -= start;
            start = 0;
            var read = stream.ReadAtLeast(buffer.AsSpan(end), buffer.Length - end, throwOnEndOfStream: false);
            end += read;
            endOfFile = end < buffer.Length;
        }

        ingest.Flush();
    }
}
