using Microsoft.Win32.SafeHandles;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// An output file registered with a <see cref="FileSyncer"/>: its owner says how far its bytes have reached the
/// operating system (<see cref="Published"/>), the syncer says how far they are durable (<see cref="Durable"/>).
/// </summary>
/// <remarks>
/// <see cref="Publish"/> and <see cref="Reset"/> are called from the owner's thread only; <see cref="Durable"/> may be
/// read from any thread (published with a full fence by the syncer).
/// </remarks>
public sealed class SyncedFile
{
    private long _published;
    private long _durable;

    internal SyncedFile(FileSyncer syncer, SafeFileHandle handle, string path, long published)
    {
        Syncer = syncer;
        Handle = handle;
        Path = path;
        _published = published;
    }

    /// <summary>The syncer this file is registered with.</summary>
    public FileSyncer Syncer { get; }

    /// <summary>The file's path (for errors).</summary>
    public string Path { get; }

    /// <summary>Bytes from the start that have reached the operating system (written, not necessarily durable).</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Bytes from the start known to be durable.</summary>
    public long Durable => Volatile.Read(ref _durable);

    /// <summary>Bumped by <see cref="Reset"/>: a sync that read <see cref="Published"/> before it must not move <see cref="Durable"/>.</summary>
    internal long Generation { get; private set; }

    internal SafeFileHandle Handle { get; }

    /// <summary>
    /// The owner has handed every byte up to <paramref name="length"/> to the operating system (its buffer is flushed):
    /// the next sync makes them durable.
    /// </summary>
    /// <remarks>Owner's thread. WARNING: call only after the write system calls for those bytes have returned.</remarks>
    public void Publish(long length) => Volatile.Write(ref _published, length);

    /// <summary>
    /// The file was cut back to <paramref name="length"/>, a length a durable checkpoint recorded (a resume): both
    /// marks move there.
    /// </summary>
    /// <remarks>Owner's thread.</remarks>
    public void Reset(long length) => Syncer.Reset(this, length);

    /// <summary>Sets both marks; the syncer's lock is held.</summary>
    internal void ResetUnderLock(long length)
    {
        Generation++;
        Volatile.Write(ref _published, length);
        Volatile.Write(ref _durable, length);
    }

    /// <summary>A sync that read <paramref name="published"/> in generation <paramref name="generation"/> completed; the syncer's lock is held.</summary>
    internal void MarkDurableUnderLock(long published, long generation)
    {
        if (generation == Generation && published > _durable)
        {
            Interlocked.Exchange(ref _durable, published);
        }
    }
}
