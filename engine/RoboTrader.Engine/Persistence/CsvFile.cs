using System.Text;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// An output CSV file: a header written once, rows appended through a buffered stream, counted, flushed, made durable
/// for a checkpoint and cut back to a checkpoint's length on a resume.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private readonly Stream _stream;
    private SyncedFile? _synced;

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

    /// <summary>Flushes buffered rows to the file (and tells the background syncer, when there is one).</summary>
    public void Flush()
    {
        _stream.Flush();
        _synced?.Publish(_stream.Position);
    }

    /// <summary>
    /// Has <paramref name="syncer"/> make the file durable in the background (a file stream only; others are left
    /// alone), so that <see cref="FlushForCheckpoint"/> need not fsync.
    /// </summary>
    /// <remarks>Before the first row.</remarks>
    public void SyncWith(FileSyncer syncer)
    {
        ArgumentNullException.ThrowIfNull(syncer);
        if (_stream is FileStream file)
        {
            _synced = syncer.Register(file);
        }
    }

    /// <summary>
    /// The file's length for a checkpoint. With a background syncer and <paramref name="pending"/>: flushes to the
    /// file and adds that length to <paramref name="pending"/> (the checkpoint waits for it off this thread);
    /// otherwise <see cref="FlushDurable"/>.
    /// </summary>
    public long FlushForCheckpoint(PendingDurability? pending)
    {
        if (pending is null || _synced is null)
        {
            return FlushDurable();
        }

        Flush();
        pending.Add(_synced, _stream.Position);
        return _stream.Position;
    }

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
        _synced?.Reset(length);
        Rows = rows;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
