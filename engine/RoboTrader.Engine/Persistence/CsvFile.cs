using System.Text;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// An output CSV file: a header written once, rows appended through a buffered stream, counted, flushed, made durable
/// for a checkpoint and cut back to a checkpoint's length on a resume.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private readonly Stream _stream;

    /// <summary>Creates the file over <paramref name="stream"/> and writes <paramref name="header"/> (unless the stream has content: a resume).</summary>
    public CsvFile(Stream stream, string header)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        _stream = stream;
        if (_stream.Length == 0)
        {
            _stream.Write(Encoding.ASCII.GetBytes(header + "\n"));
        }
    }

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Appends one row (ending with its newline).</summary>
    public void Write(ReadOnlySpan<byte> row)
    {
        _stream.Write(row);
        Rows++;
    }

    /// <summary>Flushes buffered rows to the file.</summary>
    public void Flush() => _stream.Flush();

    /// <summary>Flushes to the disk (fsync) and returns the file's length: what a checkpoint records.</summary>
    public long FlushDurable()
    {
        _stream.Flush();
        if (_stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }

        return _stream.Position;
    }

    /// <summary>Cuts the file back to <paramref name="length"/> and continues there with <paramref name="rows"/> rows written.</summary>
    public void Resume(long length, long rows)
    {
        _stream.Flush();
        _stream.SetLength(length);
        _stream.Position = length;
        Rows = rows;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
