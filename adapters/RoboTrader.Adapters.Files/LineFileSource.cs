using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Adapters.Files;

/// <summary>
/// A file of frames, one per line, as one source of one format. A line ends at '\n' (a '\r' before it is part of the
/// terminator, not of the frame); empty lines are not frames and are counted in <see cref="BlankLines"/>. Every
/// other line is published as it is, byte for byte, however malformed: the parse stage accounts for it.
/// </summary>
public sealed class LineFileSource : IFrameSource
{
    private const int ReadBufferSize = 1 << 16;

    private readonly string _path;
    private readonly SourceDescriptor _descriptor;

    /// <summary>Creates the source; the file is opened by <see cref="Run"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="descriptor">What its frames are (format, symbol table or single symbol, date for LEAN rows).</param>
    /// <param name="symbols">The run's symbols (the descriptor's table for multi-symbol formats).</param>
    public LineFileSource(string path, SourceDescriptor descriptor, SymbolTable symbols)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(symbols);
        _path = path;
        _descriptor = descriptor;
        Symbols = symbols;
    }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <summary>Frames published by the last <see cref="Run"/>.</summary>
    public long Frames { get; private set; }

    /// <summary>Empty lines skipped by the last <see cref="Run"/>.</summary>
    public long BlankLines { get; private set; }

    private SourceId Id { get; set; }

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Id = registry.Register(_descriptor);
    }

    /// <inheritdoc />
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        FileStream stream;
        try
        {
            stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.MarketDataUnreadable, $"cannot read '{_path}': {ex.Message}", ex);
        }

        using (stream)
        {
            var buffer = new byte[ReadBufferSize];
            var line = new byte[ReadBufferSize];
            var lineLength = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = buffer.AsSpan(0, read);
                while (!chunk.IsEmpty)
                {
                    var newline = chunk.IndexOf((byte)'\n');
                    var part = newline < 0 ? chunk : chunk[..newline];
                    Append(ref line, ref lineLength, part);
                    if (newline < 0)
                    {
                        break;
                    }

                    Publish(ingest, line.AsSpan(0, lineLength));
                    lineLength = 0;
                    chunk = chunk[(newline + 1)..];
                }
            }

            if (lineLength > 0)
            {
                Publish(ingest, line.AsSpan(0, lineLength));
            }
        }
    }

    private void Append(ref byte[] line, ref int length, ReadOnlySpan<byte> part)
    {
        if (length + part.Length > PipelineSlot.MaxFrameLength)
        {
            throw new EngineException(
                ErrorCode.MarketDataUnreadable,
                $"'{_path}': line {Frames + BlankLines + 1} is longer than {PipelineSlot.MaxFrameLength} bytes");
        }

        if (length + part.Length > line.Length)
        {
            Array.Resize(ref line, Math.Max(line.Length * 2, length + part.Length));
        }

        part.CopyTo(line.AsSpan(length));
        length += part.Length;
    }

    private void Publish(IngestStage ingest, ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            BlankLines++;
            return;
        }

        ingest.Publish(Id, line);
        Frames++;
    }
}
