using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Adapters.Lean;

/// <summary>
/// Reads the lines of one LEAN CSV zip entry at a time out of a large reusable buffer: decompresses a chunk, finds
/// lines with a vectorized search for '\n', carries a line that straddles the chunk's end over to the next chunk.
/// Nothing is allocated per line; the buffer survives from file to file.
/// </summary>
/// <remarks>Used by one thread (the one running <see cref="LeanDataSource.Run"/>).</remarks>
internal sealed class LeanCsvReader
{
    /// <summary>Bytes decompressed per read.</summary>
    internal const int ChunkSize = 1 << 18;

    // A line may be as long as a frame may be, plus its '\r' and '\n'.
    private const int MaxBufferSize = PipelineSlot.MaxFrameLength + 2 + ChunkSize;

    private byte[] _buffer;
    private int _position;
    private int _end;
    private int _lineStart;
    private int _lineLength;
    private bool _endOfStream;
    private ZipArchive? _archive;
    private Stream? _stream;
    private LeanSourceFile? _file;
    private FileStream? _zipFile;
    private long _zipBytesCounted;
    private readonly LeanReadProgress? _progress;

    /// <summary>Creates a reader with a buffer of <paramref name="chunkSize"/> bytes (tests use small ones).</summary>
    public LeanCsvReader(int chunkSize = ChunkSize, LeanReadProgress? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 16);
        _buffer = new byte[chunkSize];
        _progress = progress;
    }

    /// <summary>The source of the open file.</summary>
    public SourceId Source { get; private set; }

    /// <summary>The open file.</summary>
    public LeanSourceFile File => _file ?? throw new InvalidOperationException("no file is open");

    /// <summary>Merge time of the current line: its leading time field, or the previous line's when that is not an integer.</summary>
    public long Time { get; private set; }

    /// <summary>1-based physical line number of the current line (empty lines counted).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Lines returned by <see cref="MoveNext"/> since <see cref="Open"/>.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines the caller published since <see cref="Open"/> (the caller counts them).</summary>
    public long Published { get; set; }

    /// <summary>Empty lines skipped since <see cref="Open"/>.</summary>
    public long EmptyLines { get; private set; }

    /// <summary>Lines whose time field is not an integer since <see cref="Open"/>.</summary>
    public long InvalidTimes { get; private set; }

    /// <summary>The current line, without its '\n' and trailing '\r'; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Line
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_buffer, _lineStart, _lineLength);
    }

    /// <summary>Opens the CSV entry of <paramref name="file"/>; throws <see cref="EngineException"/> when it is unreadable.</summary>
    public void Open(LeanSourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Close();
        _file = file;
        Source = file.Source;
        _position = _end = _lineStart = _lineLength = 0;
        _endOfStream = false;
        Time = 0;
        LineNumber = Lines = Published = EmptyLines = InvalidTimes = 0;
        _archive = LeanZip.OpenArchive(file.ZipPath, out _zipFile);
        _zipBytesCounted = 0;
        try
        {
            var entry = _archive.GetEntry(file.EntryName) ?? throw new InvalidDataException($"the entry '{file.EntryName}' is missing");
            _stream = entry.Open();
        }
        catch (Exception ex) when (LeanZip.IsDataError(ex))
        {
            Close();
            LeanZip.ThrowUnreadable(file.ZipPath, ex);
        }
    }

    /// <summary>Advances to the next non-empty line; false at the end of the entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        while (true)
        {
            var pending = new ReadOnlySpan<byte>(_buffer, _position, _end - _position);
            var newline = pending.IndexOf((byte)'\n');
            int length;
            int next;
            if (newline >= 0)
            {
                length = newline;
                next = _position + newline + 1;
            }
            else if (!_endOfStream)
            {
                Fill();
                continue;
            }
            else if (pending.Length > 0)
            {
                length = pending.Length; // the last line has no '\n'
                next = _end;
            }
            else
            {
                return false;
            }

            var start = _position;
            _position = next;
            LineNumber++;
            if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
            {
                length--;
            }

            if (length == 0)
            {
                EmptyLines++;
                continue;
            }

            if (length > PipelineSlot.MaxFrameLength)
            {
                ThrowLineTooLong();
            }

            _lineStart = start;
            _lineLength = length;
            Lines++;
            ParseTime();
            return true;
        }
    }

    /// <summary>Closes the open file, if any (the buffer is kept for the next).</summary>
    public void Close()
    {
        if (_zipFile is not null && _progress is not null)
        {
            _progress.AddBytes(_zipFile.Length - _zipBytesCounted); // the whole file counts as read once closed
        }

        _zipFile = null;
        _stream?.Dispose();
        _stream = null;
        _archive?.Dispose();
        _archive = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ParseTime()
    {
        // Fast path, one pass: up to 18 plain digits ending at the first comma or the end of the line (every real
        // LEAN line). Anything else takes the general path below, which decides exactly as before.
        var line = Line;
        long value = 0;
        var i = 0;
        for (; i < line.Length && i < 18; i++)
        {
            var digit = (uint)(line[i] - '0');
            if (digit > 9)
            {
                break;
            }

            value = (value * 10) + digit;
        }

        if (i > 0 && (i == line.Length || line[i] == (byte)','))
        {
            Time = value;
            return;
        }

        ParseTimeGeneral(line);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ParseTimeGeneral(ReadOnlySpan<byte> line)
    {
        var comma = line.IndexOf((byte)',');
        var field = comma < 0 ? line : line[..comma];
        if (Utf8Parser.TryParse(field, out long time, out var consumed) && consumed == field.Length)
        {
            Time = time;
        }
        else
        {
            InvalidTimes++; // published anyway (the parse stage dead-letters it), merged at the previous time
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer); // memmove: the straddling line to the front
            _end -= _position;
            _position = 0;
        }

        if (_end == _buffer.Length)
        {
            Grow();
        }

        int read;
        try
        {
            read = _stream!.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (LeanZip.IsDataError(ex))
        {
            var path = File.ZipPath;
            Close();
            LeanZip.ThrowUnreadable(path, ex);
            return;
        }

        _end += read;
        if (_progress is not null && _zipFile is not null)
        {
            // Once per chunk (256 KB decompressed), never per line: how far the zip file has been read.
            var position = Math.Min(_zipFile.Position, _zipFile.Length);
            _progress.AddBytes(position - _zipBytesCounted);
            _zipBytesCounted = position;
        }

        if (_end < _buffer.Length)
        {
            _endOfStream = true;
        }
    }

    private void Grow()
    {
        // A line longer than the buffer: rare (never in LEAN data); grow once, up to what a frame may hold.
        if (_buffer.Length >= MaxBufferSize)
        {
            ThrowLineTooLong();
        }

        Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxBufferSize));
    }

    [DoesNotReturn]
    private void ThrowLineTooLong()
        => throw new EngineException(
            ErrorCode.MarketDataUnreadable,
            $"LEAN data file '{File.ZipPath}': a line after line {LineNumber} is longer than {PipelineSlot.MaxFrameLength} bytes");
}
