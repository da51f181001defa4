using Microsoft.Win32.SafeHandles;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Tests.Support;

/// <summary>
/// An <see cref="IFileSync"/> that records each call (path, the file's length when synced, the calling thread, and
/// what <see cref="Probe"/> said at the end of the call), can fail on demand, and can be held at a gate.
/// </summary>
public sealed class RecordingFileSync : IFileSync
{
    private readonly Lock _lock = new();
    private readonly List<SyncCall> _calls = [];
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private int _entered;

    /// <summary>One recorded fdatasync.</summary>
    public sealed record SyncCall(string Path, long Length, int ThreadId, bool ProbeAtEnd);

    /// <summary>Evaluated at the end of each sync (e.g. "is there a manifest yet?").</summary>
    public Func<bool> Probe { get; init; } = () => false;

    /// <summary>When set, every sync throws this.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Syncs begun (counted before the gate).</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>Folders synced.</summary>
    public List<string> Directories { get; } = [];

    /// <summary>The recorded syncs so far.</summary>
    public IReadOnlyList<SyncCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Syncs wait until <see cref="Open"/>.</summary>
    public void Close() => _open.Reset();

    /// <summary>Lets held syncs go.</summary>
    public void Open() => _open.Set();

    /// <inheritdoc />
    public void SyncData(SafeFileHandle file, string path)
    {
        var length = RandomAccess.GetLength(file);
        Interlocked.Increment(ref _entered);
        _open.Wait();
        if (FailWith is { } failure)
        {
            throw failure;
        }

        var call = new SyncCall(path, length, Environment.CurrentManagedThreadId, Probe());
        lock (_lock)
        {
            _calls.Add(call);
        }
    }

    /// <inheritdoc />
    public void SyncDirectory(string directory)
    {
        lock (_lock)
        {
            Directories.Add(directory);
        }
    }
}
