using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// An append-only output file of records (CSV rows, dead letters): written through a buffered stream, counted,
/// flushed, made durable for a checkpoint (inline, or by a background <see cref="FileSyncer"/>) and cut back to a
/// checkpoint's length on a resume.
/// </summary>
public class OutputFile : IDisposable
{
    private SyncedFile? _synced;

    /// <summary>Creates the file over <paramref name="stream"/>.</summary>
    public OutputFile(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream = stream;
    }

    /// <summary>Records written (a resume restores the count with the length).</summary>
    public long Records { get; private set; }

    /// <summary>The stream records are written to.</summary>
    protected Stream Stream { get; }

    /// <summary>Counts one record written to <see cref="Stream"/>.</summary>
    protected void Counted() => Records++;

    /// <summary>Flushes buffered records to the file (and tells the background syncer, when there is one).</summary>
    public void Flush()
    {
        Stream.Flush();
        _synced?.Publish(Stream.Position);
    }

    /// <summary>
    /// Has <paramref name="syncer"/> make the file durable in the background (a file stream only; others are left
    /// alone), so that <see cref="FlushForCheckpoint"/> need not fsync.
    /// </summary>
    /// <remarks>Before the first record.</remarks>
    public void SyncWith(FileSyncer syncer)
    {
        ArgumentNullException.ThrowIfNull(syncer);
        if (Stream is FileStream file)
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
        pending.Add(_synced, Stream.Position);
        return Stream.Position;
    }

    /// <summary>Flushes to the disk (fsync) and returns the file's length: what a checkpoint records.</summary>
    public long FlushDurable()
    {
        Stream.Flush();
        if (Stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }

        return Stream.Position;
    }

    /// <summary>Cuts the file back to <paramref name="length"/> and continues there with <paramref name="records"/> records written.</summary>
    public void Resume(long length, long records)
    {
        Stream.Flush();
        Stream.SetLength(length);
        Stream.Position = length;
        _synced?.Reset(length);
        Records = records;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the stream (a derived writer closes what wraps it first).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Stream.Dispose();
        }
    }
}
