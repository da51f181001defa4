using System.Buffers;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Supervision;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// Aligned checkpoints into a run's state folder. Each checkpointable stage keeps its state in a FASTER store of its
/// own (<c>stores/&lt;stage&gt;/</c>). When a stage group has handled a frame stamped with a checkpoint id, each of its
/// stages writes its state (and its fault count) into its store and starts a fold-over checkpoint there, on the group's
/// own thread, between two events; a completion thread of the coordinator waits for the rest off the stage threads.
/// When every store's checkpoint is durable, every output the states name is durable, the last group has handed its
/// part over, and the input journal has durably committed that frame, the manifest (<see cref="CheckpointManifest"/>: id, sequence, journal address after it, every store's token and
/// settings, the run's options) is replaced atomically; store checkpoints no manifest can name any more are removed,
/// and with <see cref="JournalRetention.SincePreviousCheckpoint"/> the journal is truncated before the previous one.
/// </summary>
/// <remarks>
/// Called on the stage threads: a group checkpoints before its sequence moves past the stamped frame, so the later
/// groups (and the manifest) always come after the earlier groups' checkpoints, and the completion thread receives
/// every group's part of a checkpoint before the last group's. Each store is used by one group's thread (and by the
/// host's thread before the stages start), except that the completion thread waits for its checkpoint to be durable
/// while that thread leaves it alone. A checkpoint that cannot be completed leaves the previous manifest in place,
/// and the next checkpoint (or <see cref="Drain"/>) throws its error.
/// </remarks>
public sealed partial class CheckpointCoordinator : IDisposable
{
    /// <summary>The stores' subfolder.</summary>
    public const string StoresFolder = "stores";

    private readonly string _root;
    private readonly InputJournal? _journal;
    private readonly string _settings;
    private readonly JournalRetention _retention;
    private readonly StateStore?[] _stores = new StateStore?[Enum.GetValues<StageKind>().Length];
    // Per store, the checkpoints started and not yet superseded by a durable manifest, oldest first (guarded by _gate):
    // the durable manifest's and every newer one a manifest still to come may name. An earlier group (the producer
    // thread's, or any group but the last) may be several checkpoints ahead of the manifest when checkpoints are closer
    // together than a ring's worth of frames.
    private readonly List<(long Id, Guid Token)>[] _liveTokens = [.. Enum.GetValues<StageKind>().Select(_ => new List<(long Id, Guid Token)>())];
    private readonly Dictionary<long, long> _journalAddresses = [];
    private readonly Lock _lock = new();
    private CheckpointManifest? _durable;
    private long _completed;

    /// <summary>Creates the coordinator.</summary>
    /// <param name="stateDirectory">The run's state folder.</param>
    /// <param name="journal">The input journal a checkpoint waits for (none: no wait).</param>
    /// <param name="settings">The run's result-relevant options, recorded in the manifest.</param>
    /// <param name="retention">What happens to the journal before the previous checkpoint.</param>
    public CheckpointCoordinator(string stateDirectory, InputJournal? journal, string settings, JournalRetention retention = JournalRetention.KeepAll)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        ArgumentNullException.ThrowIfNull(settings);
        _root = stateDirectory;
        _journal = journal;
        _settings = settings;
        _retention = retention;
        _lastJournalAddress = journal?.BeginAddress ?? 0;
        _completion = new Thread(RunCompletion) { Name = "rt-checkpoint", IsBackground = true };
        _completion.Start();
    }

    /// <summary>The settings every stage store is created with.</summary>
    public static StateStoreOptions StoreOptions(string directory) => new()
    {
        Directory = directory,
        IndexSizeBits = 12,
        PageSizeBits = 16,
        MemorySizeBits = 20,
        SegmentSizeBits = 24,
    };

    /// <summary>Checkpoints completed by this run.</summary>
    public long Completed => Volatile.Read(ref _completed);

    /// <summary>How long each stage group's checkpoint stalled its thread (ns), when measuring.</summary>
    public LatencyHistogram? Pauses { get; init; }

    /// <summary>Where each checkpoint's time goes, when measuring.</summary>
    public CheckpointMetrics? Metrics { get; init; }

    /// <summary>Reads the manifest of <paramref name="stateDirectory"/>, or null when it has none.</summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when it is present but unreadable.</exception>
    public static CheckpointManifest? ReadManifest(string stateDirectory)
        => CheckpointManifest.TryRead(stateDirectory, out var manifest) ? manifest : null;

    /// <summary>
    /// Opens (creating when new) the store of every checkpointable stage, so that the first checkpoint does not pay for
    /// creating files and FASTER's log and index on a stage thread.
    /// </summary>
    /// <remarks>Before the stages start.</remarks>
    public void OpenStores(IEnumerable<StageSupervisor> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var supervisor in stages)
        {
            if (supervisor.Stage is ICheckpointable)
            {
                Store(supervisor);
            }
        }
    }

    /// <summary>Restores every checkpointable stage (and its fault count) from the checkpoint <paramref name="manifest"/> names.</summary>
    /// <exception cref="EngineException">A stage's store or checkpoint is missing, written with other settings, or unreadable.</exception>
    /// <remarks>Before the stages start.</remarks>
    public void Restore(CheckpointManifest manifest, IEnumerable<StageSupervisor> stages)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var supervisor in stages)
        {
            if (supervisor.Stage is not ICheckpointable stage)
            {
                continue;
            }

            var name = Name(supervisor);
            if (!manifest.StoreTokens.TryGetValue(name, out var token) || !manifest.StoreSettings.TryGetValue(name, out var settings))
            {
                throw new EngineException(ErrorCode.PersistenceCheckpointMissing, $"checkpoint {manifest.CheckpointId} has no state for stage {name}");
            }

            var store = Store(supervisor);
            store.Settings.CheckMatches(settings, StoreDirectory(name));
            store.Recover(token);
            var reader = new MessagePackReader(StageStateBlob.Read(store, StoreDirectory(name)));
            supervisor.RestoreFaults(CheckpointState.ReadInt64(ref reader));
            stage.ReadState(ref reader);
            if (!reader.End)
            {
                throw new EngineException(ErrorCode.PersistenceCorrupt, $"checkpoint state of stage {name} has trailing bytes");
            }

            lock (_gate)
            {
                _liveTokens[(int)supervisor.Stage.Kind].Clear();
                _liveTokens[(int)supervisor.Stage.Kind].Add((manifest.CheckpointId, token));
            }
        }

        _durable = manifest;
        _lastJournalAddress = manifest.JournalAddress;
    }

    /// <summary>
    /// The journal has appended the frame stamped <paramref name="id"/>; the next record starts at <paramref name="nextAddress"/>.
    /// </summary>
    /// <remarks>The journal's thread, before it commits that frame.</remarks>
    public void OnJournaled(long id, long nextAddress)
    {
        lock (_lock)
        {
            _journalAddresses[id] = nextAddress;
        }
    }

    /// <summary>A stage group has handled the frame stamped <paramref name="id"/> at <paramref name="sequence"/>.</summary>
    /// <param name="group">The group's stages.</param>
    /// <param name="id">The checkpoint id.</param>
    /// <param name="sequence">The frame's sequence.</param>
    /// <param name="last">True for the last group: completes the checkpoint.</param>
    /// <remarks>
    /// The group's thread, between two events. Writes each stage's state into its store and starts the store's
    /// fold-over checkpoint (FASTER's version flip), then hands the rest — the stores' flushes, the outputs the state
    /// names (<see cref="IDeferredDurability"/>), the journal's commit and the manifest — to the completion thread.
    /// Blocks only when a store's previous checkpoint is still completing (checkpoints closer together than the disk
    /// can take them).
    /// </remarks>
    /// <exception cref="EngineException">An earlier checkpoint could not be completed (the manifest was not replaced).</exception>
    public void OnGroupHandled(IReadOnlyList<StageSupervisor> group, long id, long sequence, bool last)
    {
        ArgumentNullException.ThrowIfNull(group);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ThrowIfFailed();
        var part = new CheckpointPart(id, sequence, last, started);
        long busy = 0, writing = 0, storing = 0;
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var supervisor in group)
        {
            if (supervisor.Stage is not ICheckpointable stage)
            {
                continue;
            }

            var store = Store(supervisor);
            var kind = (int)supervisor.Stage.Kind;
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            AcquireStore(kind); // normally free at once: its previous checkpoint completed long ago
            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            busy += t1 - t0;
            Guid token;
            try
            {
                store.RemoveCheckpointsExcept(TokensToKeep(kind, Volatile.Read(ref _durable)?.CheckpointId ?? long.MinValue));

                buffer.ResetWrittenCount();
                var writer = new MessagePackWriter(buffer);
                writer.WriteInt64(supervisor.Faults);
                if (stage is IDeferredDurability deferred)
                {
                    deferred.WriteState(ref writer, part.Pending);
                }
                else
                {
                    stage.WriteState(ref writer);
                }

                writer.Flush();
                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                writing += t2 - t1;
                StageStateBlob.Write(store, buffer.WrittenSpan);
                token = store.BeginCheckpoint();
                storing += System.Diagnostics.Stopwatch.GetTimestamp() - t2;
            }
            catch
            {
                ReleaseStore(kind); // no checkpoint of it started
                throw;
            }

            lock (_gate)
            {
                _liveTokens[kind].Add((id, token));
            }

            part.Stores.Add(new StorePart(kind, Name(supervisor), store, token));
        }

        part.StallEnd = System.Diagnostics.Stopwatch.GetTimestamp();
        Enqueue(part);
        var stall = StopwatchNanos.Since(started);
        Metrics?.RecordStall(stall, StopwatchNanos.ToNanos(busy), StopwatchNanos.ToNanos(writing), StopwatchNanos.ToNanos(storing));
        if (Pauses is { } pauses)
        {
            lock (pauses)
            {
                pauses.Record(stall); // groups record from their own threads
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Lets the completion thread finish what was handed over, then stops it (a checkpoint whose last part never came is lost, as in a crash).</remarks>
    public void Dispose()
    {
        StopCompletion();
        foreach (var store in _stores)
        {
            store?.Dispose();
        }
    }

    /// <summary>
    /// Forgets the checkpoints of store <paramref name="kind"/> older than the durable manifest <paramref name="durableId"/>
    /// and returns the ones to keep: that manifest's and every newer one.
    /// </summary>
    private Guid[] TokensToKeep(int kind, long durableId)
    {
        lock (_gate)
        {
            var live = _liveTokens[kind];
            live.RemoveAll(t => t.Id < durableId);
            return [.. live.Select(t => t.Token)];
        }
    }

    private static string Name(StageSupervisor supervisor) => Name(supervisor.Stage.Kind);

    private static string Name(StageKind kind) => kind.ToString().ToLowerInvariant();

    private Dictionary<string, StateStoreSettings> StoreSettings()
    {
        var settings = new Dictionary<string, StateStoreSettings>();
        for (var i = 0; i < _stores.Length; i++)
        {
            if (Volatile.Read(ref _stores[i]) is { } store)
            {
                settings[Name((StageKind)i)] = store.Settings;
            }
        }

        return settings;
    }

    private string StoreDirectory(string name) => Path.Combine(_root, StoresFolder, name);

    private StateStore Store(StageSupervisor supervisor)
    {
        var kind = (int)supervisor.Stage.Kind;
        if (_stores[kind] is { } open)
        {
            return open;
        }

        var store = StateStore.Open(StoreOptions(StoreDirectory(Name(supervisor))));
        Volatile.Write(ref _stores[kind], store);
        return store;
    }
}
