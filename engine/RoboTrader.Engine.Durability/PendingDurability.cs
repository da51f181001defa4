namespace RoboTrader.Engine.Durability;

/// <summary>
/// What a checkpoint's state names and is not durable yet: output files up to a length, logs up to a committed
/// sequence. Filled on a stage's thread while it writes its state (without waiting); waited for on the checkpoint's
/// completion thread before the manifest may name the checkpoint.
/// </summary>
/// <remarks>Filled by one thread, then handed over (with a full fence: a queue) to the one that waits.</remarks>
public sealed class PendingDurability
{
    private readonly List<(SyncedFile File, long Length)> _files = [];
    private readonly List<(InputJournal Log, long Sequence)> _logs = [];

    /// <summary>Nothing to wait for.</summary>
    public bool IsEmpty => _files.Count == 0 && _logs.Count == 0;

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="file"/> (published already) must be durable.</summary>
    public void Add(SyncedFile file, long length)
    {
        ArgumentNullException.ThrowIfNull(file);
        _files.Add((file, length));
    }

    /// <summary><paramref name="log"/> must have durably committed <paramref name="sequence"/> (a commit covering it was issued).</summary>
    public void Add(InputJournal log, long sequence)
    {
        ArgumentNullException.ThrowIfNull(log);
        _logs.Add((log, sequence));
    }

    /// <summary>Blocks until everything added is durable.</summary>
    /// <exception cref="Core.Errors.EngineException">A sync failed or its syncer stopped.</exception>
    /// <exception cref="ObjectDisposedException">A log was closed while waiting.</exception>
    public void Wait()
    {
        foreach (var (file, length) in _files)
        {
            file.Syncer.WaitDurable(file, length);
        }

        foreach (var (log, sequence) in _logs)
        {
            log.WaitForCommit(sequence);
        }
    }
}
