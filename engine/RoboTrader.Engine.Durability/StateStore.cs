using FASTER.core;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// One stage's state: a FASTER key-value store from 64-bit ids to byte blobs, with checkpoints taken between inputs
/// and explicit recovery to a checkpoint token.
/// </summary>
/// <remarks>
/// <para>Thread contract: single session, single thread. Every member is called from the owning stage's thread only
/// (construction and <see cref="Recover"/> may happen on another thread before the stage starts), except
/// <see cref="CompleteCheckpoint"/> (see there).</para>
/// <para>Checkpoints: <see cref="Checkpoint"/> (or <see cref="BeginCheckpoint"/>) must be called between two inputs,
/// never in the middle of one, so that a checkpoint cannot capture half of an input's updates. It is a hybrid-log
/// fold-over checkpoint; the index is rebuilt from the log on recovery. Old checkpoints are kept until
/// <see cref="RemoveCheckpointsExcept"/> (FASTER's automatic removal is off, so a manifest never points at a deleted
/// checkpoint).</para>
/// <para>Limits: a value is at most <see cref="MaxValueLength"/> bytes (the record must fit in one log page).
/// Fold-over checkpoints make the log read-only up to the tail, so updates after a checkpoint append new records and
/// the log grows; compaction is not done here.</para>
/// </remarks>
public sealed class StateStore : IDisposable
{
    private const string LogFileName = "store.log";

    private readonly StateStoreOptions _options;
    private readonly IDevice _device;
    private readonly DeviceLogCommitCheckpointManager _checkpoints;
    private readonly FasterKV<StateKey, SpanByte> _store;
    private readonly StateStoreFunctions _functions = new();
    private ClientSession<StateKey, SpanByte, SpanByte, SpanByteAndMemory, Empty, StateStoreFunctions> _session;
    private bool _used;
    private bool _disposed;

    private StateStore(StateStoreOptions options, bool created)
    {
        _options = options;
        Created = created;
        Settings = StateStoreSettings.From(options);
        MaxValueLength = (1 << options.PageSizeBits) - 64;
        _device = Devices.CreateLogDevice(Path.Combine(options.Directory, LogFileName), recoverDevice: true);
        _checkpoints = new DeviceLogCommitCheckpointManager(
            new LocalStorageNamedDeviceFactory(),
            new DefaultCheckpointNamingScheme(options.Directory),
            removeOutdated: false);
        try
        {
            _store = new FasterKV<StateKey, SpanByte>(new FasterKVSettings<StateKey, SpanByte>
            {
                IndexSize = 1L << options.IndexSizeBits,
                PageSize = 1L << options.PageSizeBits,
                MemorySize = 1L << options.MemorySizeBits,
                SegmentSize = 1L << options.SegmentSizeBits,
                LogDevice = _device,
                CheckpointManager = _checkpoints,
                RemoveOutdatedCheckpoints = false,
                TryRecoverLatest = false,
                EqualityComparer = default(StateKey),
            });
            _session = NewSession();
        }
        catch
        {
            _store?.Dispose();
            _checkpoints.Dispose();
            _device.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the store in <see cref="StateStoreOptions.Directory"/> (creating it when the folder holds none), empty:
    /// call <see cref="Recover"/> next to load a checkpoint.
    /// </summary>
    /// <exception cref="EngineException">
    /// <see cref="ErrorCode.ConfigurationInvalid"/>, <see cref="ErrorCode.PersistenceSettingsMismatch"/> when the folder
    /// was written with other settings, <see cref="ErrorCode.PersistenceCorrupt"/> when its settings are unreadable.
    /// </exception>
    public static StateStore Open(StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var wanted = StateStoreSettings.From(options);
        if (File.Exists(Path.Combine(options.Directory, StateStoreSettings.FileName)))
        {
            StateStoreSettings.Read(options.Directory).CheckMatches(wanted, options.Directory);
            return new StateStore(options, created: false);
        }

        if (Directory.Exists(options.Directory) && Directory.EnumerateFileSystemEntries(options.Directory).Any())
        {
            throw new EngineException(
                ErrorCode.PersistenceCorrupt,
                $"Folder '{options.Directory}' is not empty but has no {StateStoreSettings.FileName}: refusing to guess its settings.");
        }

        Directory.CreateDirectory(options.Directory);
        wanted.Write(options.Directory);
        return new StateStore(options, created: true);
    }

    /// <summary>True when this open created the store (the folder held none).</summary>
    public bool Created { get; }

    /// <summary>The settings the store is written with (to record in the checkpoint manifest).</summary>
    public StateStoreSettings Settings { get; }

    /// <summary>The largest value <see cref="Upsert"/> accepts: a page minus record overhead.</summary>
    public int MaxValueLength { get; }

    /// <summary>The tokens of the checkpoints present in the store's folder.</summary>
    public IReadOnlyList<Guid> CheckpointTokens => _checkpoints.GetLogCheckpointTokens().ToList();

    /// <summary>Sets the value of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The value is longer than <see cref="MaxValueLength"/>.</exception>
    public unsafe void Upsert(long key, ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueLength)
            throw new ArgumentException($"Value of {value.Length} bytes exceeds {MaxValueLength}.", nameof(value));
        _used = true;
        var k = new StateKey(key);
        fixed (byte* bytes = value)
        {
            var sb = SpanByte.FromPointer(bytes, value.Length);
            var status = _session.Upsert(ref k, ref sb);
            if (status.IsPending)
                _session.CompletePending(wait: true);
        }
    }

    /// <summary>
    /// Reads the value of <paramref name="key"/> into <paramref name="destination"/>.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="destination">Where to copy the value.</param>
    /// <param name="length">
    /// The value's length. When it exceeds <paramref name="destination"/>'s length nothing was copied: retry with a
    /// larger buffer (at most <see cref="MaxValueLength"/>).
    /// </param>
    /// <returns>True when the key has a value.</returns>
    public unsafe bool TryRead(long key, Span<byte> destination, out int length)
    {
        _used = true;
        var k = new StateKey(key);
        fixed (byte* bytes = destination)
        {
            var output = new SpanByteAndMemory(bytes, destination.Length);
            var input = default(SpanByte);
            var status = _session.Read(ref k, ref input, ref output);
            if (status.IsPending)
            {
                _session.CompletePendingWithOutputs(out var completed, wait: true);
                using (completed)
                {
                    if (!completed.Next())
                        throw new EngineException(ErrorCode.PersistenceCorrupt, $"State store read of key {key} did not complete.");
                    status = completed.Current.Status;
                    output = completed.Current.Output;
                }
            }

            if (!status.Found)
            {
                length = 0;
                return false;
            }

            length = output.Length;
            if (!output.IsSpanByte)
                output.Memory.Dispose();
            return true;
        }
    }

    /// <summary>Reads the value of <paramref name="key"/> into a new array (allocates; for tools and tests).</summary>
    public bool TryRead(long key, out byte[] value)
    {
        Span<byte> small = stackalloc byte[256];
        if (!TryRead(key, small, out var length))
        {
            value = [];
            return false;
        }

        if (length <= small.Length)
        {
            value = small[..length].ToArray();
            return true;
        }

        value = new byte[length];
        return TryRead(key, value, out _);
    }

    /// <summary>Removes <paramref name="key"/>; returns normally whether or not it existed.</summary>
    public void Delete(long key)
    {
        _used = true;
        var k = new StateKey(key);
        var status = _session.Delete(ref k);
        if (status.IsPending)
            _session.CompletePending(wait: true);
    }

    /// <summary>
    /// Takes a checkpoint of everything upserted so far and waits until it is durable; returns its token.
    /// <see cref="BeginCheckpoint"/> then <see cref="CompleteCheckpoint"/>.
    /// </summary>
    /// <remarks>Stage thread only, between two inputs.</remarks>
    public Guid Checkpoint()
    {
        var token = BeginCheckpoint();
        CompleteCheckpoint();
        return token;
    }

    /// <summary>
    /// Starts a checkpoint and returns once the store has moved to the next version, so that every later update belongs
    /// to the next checkpoint (a short stall, ~0.1 ms typical). The flush to disk continues in the background.
    /// </summary>
    /// <returns>The checkpoint's token (for <see cref="Recover"/> and the manifest).</returns>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCheckpointFailed"/> when one is in progress.</exception>
    /// <remarks>Stage thread only, between two inputs.</remarks>
    public Guid BeginCheckpoint()
    {
        var version = _session.Version;
        if (!_store.TryInitiateHybridLogCheckpoint(out var token, CheckpointType.FoldOver))
        {
            throw new EngineException(
                ErrorCode.PersistenceCheckpointFailed, $"State store in '{_options.Directory}': a checkpoint is already in progress.");
        }

        while (_session.Version == version)
            _session.Refresh();
        return token;
    }

    /// <summary>Waits until the checkpoint in progress (if any) is durable.</summary>
    /// <remarks>
    /// The stage's thread, or another thread while the stage's thread leaves the store alone until this returns (the
    /// checkpoint coordinator's busy flag): the store's session is then refreshed from here. WARNING: FASTER moves a
    /// checkpoint through its phases only as every session of the store acknowledges each one; the stage's session is
    /// idle between checkpoints, so without these refreshes the checkpoint waited for the stage's next touch of the
    /// store — up to 1.5 s measured, while that thread waited for this checkpoint to finish.
    /// </remarks>
    public void CompleteCheckpoint()
    {
        try
        {
            var completion = _store.CompleteCheckpointAsync().AsTask();
            while (!completion.Wait(TimeSpan.FromMilliseconds(1)))
            {
                _session.Refresh();
            }

            completion.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not EngineException)
        {
            var cause = e is AggregateException { InnerException: { } inner } ? inner : e;
            throw new EngineException(
                ErrorCode.PersistenceCheckpointFailed, $"State store in '{_options.Directory}': checkpoint failed: {cause.Message}", cause);
        }
    }

    /// <summary>
    /// Loads checkpoint <paramref name="token"/>. Only on a freshly opened store, before any read or write; values
    /// written after that checkpoint was taken are not visible.
    /// </summary>
    /// <exception cref="EngineException">
    /// <see cref="ErrorCode.PersistenceCheckpointMissing"/> when there is no such checkpoint;
    /// <see cref="ErrorCode.PersistenceCorrupt"/> when it is present but cannot be read (dispose the store then: its
    /// contents are undefined).
    /// </exception>
    public void Recover(Guid token)
    {
        if (_used)
            throw new InvalidOperationException("Recover must be called on a freshly opened store, before any operation.");
        if (!_checkpoints.GetLogCheckpointTokens().Contains(token))
        {
            throw new EngineException(
                ErrorCode.PersistenceCheckpointMissing, $"State store in '{_options.Directory}' has no checkpoint {token}.");
        }

        _session.Dispose();
        try
        {
            _store.Recover(token);
        }
        catch (Exception e)
        {
            throw new EngineException(
                ErrorCode.PersistenceCorrupt,
                $"State store in '{_options.Directory}': checkpoint {token} is present but unreadable: {e.Message}",
                e);
        }
        finally
        {
            _session = NewSession();
        }

        _used = true;
    }

    /// <summary>Deletes every checkpoint except <paramref name="keep"/> (call after a newer manifest is durable).</summary>
    /// <remarks>Stage thread only, with no checkpoint in progress.</remarks>
    public void RemoveCheckpointsExcept(params Guid[] keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        foreach (var token in _checkpoints.GetLogCheckpointTokens().ToList())
        {
            if (Array.IndexOf(keep, token) < 0)
                _checkpoints.Purge(token);
        }
    }

    /// <summary>
    /// Releases the store. WARNING: takes no checkpoint: updates since the last completed checkpoint are lost, as in a
    /// crash. Shutdown takes a checkpoint (and writes a manifest) first.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _session.Dispose();
        _store.Dispose();
        _checkpoints.Dispose();
        _device.Dispose();
    }

    private ClientSession<StateKey, SpanByte, SpanByte, SpanByteAndMemory, Empty, StateStoreFunctions> NewSession() =>
        _store.For(_functions).NewSession<StateStoreFunctions>();
}
