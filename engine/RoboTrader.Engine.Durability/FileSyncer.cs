using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// A background thread that makes registered output files durable a little at a time: every
/// <see cref="Interval"/> (or at once when someone waits) it fdatasyncs each file whose owner has published bytes
/// since the last pass. A checkpoint then waits (<see cref="WaitDurable"/>) only for what was written since that
/// pass, and never on the stage's thread.
/// </summary>
/// <remarks>
/// <para>Thread contract: <see cref="Register"/> before the owner writes; <see cref="WaitDurable"/> from any thread
/// but the syncer's; <see cref="Dispose"/> from the owner once nobody waits.</para>
/// <para>A failed sync poisons the syncer: after an fsync error the kernel may have dropped the dirty pages and a later
/// sync could succeed without the data, so no later length is ever reported durable. Every waiter, present and future,
/// gets <see cref="Failure"/> (<see cref="ErrorCode.PersistenceWriteFailed"/>, naming the file).</para>
/// </remarks>
public sealed class FileSyncer : IDisposable
{
    private readonly IFileSync _sync;
    private readonly object _gate = new();
    private readonly List<SyncedFile> _files = [];
    private readonly Thread _thread;
    private bool _kick;
    private bool _stopping;
    private EngineException? _failure;
    private long _syncs;
    private long _passes;

    /// <summary>Starts the syncer's thread.</summary>
    /// <param name="interval">Time between passes; positive.</param>
    /// <param name="sync">The system calls (default: the real ones).</param>
    public FileSyncer(TimeSpan interval, IFileSync? sync = null)
    {
        if (interval <= TimeSpan.Zero || interval > TimeSpan.FromMinutes(1))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"output sync interval must be above 0 and at most 1 minute, not {interval}");
        }

        Interval = interval;
        _sync = sync ?? OsFileSync.Instance;
        _thread = new Thread(Run) { Name = "rt-sync", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Time between passes.</summary>
    public TimeSpan Interval { get; }

    /// <summary>fdatasync calls made so far.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Passes over the files so far.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>The error that stopped the syncer, or null.</summary>
    public EngineException? Failure => Volatile.Read(ref _failure);

    /// <summary>
    /// Registers the file open as <paramref name="stream"/> (its buffer is flushed here) and makes its folder entry
    /// durable. Bytes already in the file count as published.
    /// </summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceWriteFailed"/> when the folder cannot be synced.</exception>
    public SyncedFile Register(FileStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var handle = stream.SafeFileHandle; // flushes the stream's buffer
        var file = new SyncedFile(this, handle, stream.Name, stream.Position);
        try
        {
            _sync.SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(stream.Name))!);
        }
        catch (IOException e)
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"cannot make the folder of '{stream.Name}' durable: {e.Message}", e);
        }

        lock (_gate)
        {
            _files.Add(file);
        }

        return file;
    }

    /// <summary>
    /// Blocks until the first <paramref name="length"/> bytes of <paramref name="file"/> are durable, asking for a pass
    /// at once when they are not yet.
    /// </summary>
    /// <exception cref="EngineException">The syncer failed (<see cref="Failure"/>) or was disposed.</exception>
    public void WaitDurable(SyncedFile file, long length)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Syncer != this)
        {
            throw new ArgumentException("the file is registered with another syncer", nameof(file));
        }

        if (file.Durable >= length)
        {
            return;
        }

        lock (_gate)
        {
            _kick = true;
            Monitor.PulseAll(_gate);
            while (file.Durable < length)
            {
                if (_failure is { } failure)
                {
                    throw new EngineException(failure.Error.Code, failure.Message, failure);
                }

                if (_stopping)
                {
                    throw new EngineException(ErrorCode.PersistenceWriteFailed, $"'{file.Path}' is not durable up to {length} bytes: the syncer was stopped");
                }

                if (file.Published < length)
                {
                    throw new InvalidOperationException($"'{file.Path}': {length} bytes were never published (published {file.Published})");
                }

                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>Stops the thread. Makes nothing durable (as a crash would not).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    internal void Reset(SyncedFile file, long length)
    {
        lock (_gate)
        {
            file.ResetUnderLock(length);
        }
    }

    private void Run()
    {
        var due = new List<(SyncedFile File, long Published, long Generation)>();
        while (true)
        {
            lock (_gate)
            {
                if (!_kick && !_stopping)
                {
                    Monitor.Wait(_gate, Interval);
                }

                if (_stopping || _failure is not null)
                {
                    return;
                }

                _kick = false;
                due.Clear();
                foreach (var f in _files)
                {
                    if (f.Published > f.Durable)
                    {
                        due.Add((f, f.Published, f.Generation));
                    }
                }
            }

            foreach (var (file, published, generation) in due)
            {
                try
                {
                    _sync.SyncData(file.Handle, file.Path); // outside the lock: waiters and Reset are not held up
                    Interlocked.Increment(ref _syncs);
                }
                catch (ObjectDisposedException)
                {
                    lock (_gate)
                    {
                        _files.Remove(file); // its owner closed it: nothing left to make durable
                    }

                    continue;
                }
                catch (Exception e)
                {
                    lock (_gate)
                    {
                        _failure = new EngineException(ErrorCode.PersistenceWriteFailed, $"background sync of '{file.Path}' failed: {e.Message}", e);
                        Monitor.PulseAll(_gate);
                    }

                    return;
                }

                lock (_gate)
                {
                    file.MarkDurableUnderLock(published, generation);
                }
            }

            lock (_gate)
            {
                _passes++;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
