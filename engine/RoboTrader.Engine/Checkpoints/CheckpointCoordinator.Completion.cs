using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>The completion thread: what makes a checkpoint count, done off the stage threads.</summary>
public sealed partial class CheckpointCoordinator
{
    // Guarded by _gate: the queue of parts, the busy stores, the failure, the stop flag.
    private readonly object _gate = new();
    private readonly Queue<CheckpointPart> _parts = new();
    private readonly bool[] _busy = new bool[Enum.GetValues<Pipeline.StageKind>().Length];
    private readonly Thread _completion;
    private bool _working;
    private bool _stopping;
    private EngineException? _failure;

    // Completion thread only (and Restore before the stages start).
    private readonly Dictionary<long, Dictionary<string, Guid>> _pendingTokens = [];
    private readonly Dictionary<long, long> _firstStall = [];
    private long _lastJournalAddress;

    /// <summary>
    /// Waits until every checkpoint handed over so far is complete (its manifest durable).
    /// </summary>
    /// <exception cref="EngineException">A checkpoint could not be completed: its error (the manifest was not replaced).</exception>
    /// <remarks>The host's thread, after the stages have handled every frame.</remarks>
    public void Drain()
    {
        lock (_gate)
        {
            while ((_parts.Count > 0 || _working) && _failure is null && !_stopping)
            {
                Monitor.Wait(_gate);
            }
        }

        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new EngineException(failure.Error.Code, failure.Message, failure);
        }
    }

    /// <summary>
    /// Waits until no checkpoint of store <paramref name="kind"/> is completing, and claims it for the caller (the
    /// stage's thread) until the checkpoint it starts is durable (or <see cref="ReleaseStore"/>).
    /// </summary>
    private void AcquireStore(int kind)
    {
        lock (_gate)
        {
            while (_busy[kind] && _failure is null && !_stopping)
            {
                Monitor.Wait(_gate);
            }

            ThrowIfFailed();
            _busy[kind] = true;
        }
    }

    private void ReleaseStore(int kind)
    {
        lock (_gate)
        {
            _busy[kind] = false;
            Monitor.PulseAll(_gate);
        }
    }

    private void Enqueue(CheckpointPart part)
    {
        lock (_gate)
        {
            _parts.Enqueue(part);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Finishes what was handed over (so that a run stopped by an error keeps the checkpoints its stages took), then
    /// stops the thread. A failure is not thrown here: <see cref="Drain"/> and the next checkpoint throw it.
    /// </summary>
    private void StopCompletion()
    {
        lock (_gate)
        {
            while ((_parts.Count > 0 || _working) && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _completion.Join();
    }

    private void RunCompletion()
    {
        while (true)
        {
            CheckpointPart part;
            lock (_gate)
            {
                _working = false;
                Monitor.PulseAll(_gate);
                while (_parts.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_parts.Count == 0)
                {
                    return; // stopping, and nothing left
                }

                part = _parts.Dequeue();
                _working = true;
            }

            try
            {
                Complete(part);
            }
            catch (Exception e)
            {
                var durable = Volatile.Read(ref _durable);
                var failure = new EngineException(
                    e is EngineException ee ? ee.Error.Code : ErrorCode.PersistenceCheckpointFailed,
                    $"checkpoint {part.Id} could not be made durable, so the manifest still names {(durable is null ? "no checkpoint" : "checkpoint " + durable.CheckpointId)}: {e.Message}",
                    e);
                lock (_gate)
                {
                    Volatile.Write(ref _failure, failure);
                    _working = false;
                    Monitor.PulseAll(_gate); // waiters (a stage thread, Drain) see the failure
                }

                return;
            }
        }
    }

    /// <summary>Completes one group's part; after the last group's, writes the manifest.</summary>
    private void Complete(CheckpointPart part)
    {
        _firstStall.TryAdd(part.Id, part.Started);
        foreach (var store in part.Stores)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            store.Store.CompleteCheckpoint();
            Metrics?.StoreFlush.Record(StopwatchNanos.Since(started));
            ReleaseStore(store.Kind);
        }

        if (!part.Pending.IsEmpty)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            part.Pending.Wait();
            Metrics?.Outputs.Record(StopwatchNanos.Since(started));
        }

        if (!_pendingTokens.TryGetValue(part.Id, out var all))
        {
            _pendingTokens[part.Id] = all = [];
        }

        foreach (var store in part.Stores)
        {
            all[store.Name] = store.Token;
        }

        if (part.Last)
        {
            _pendingTokens.Remove(part.Id);
            WriteManifest(part.Id, part.Sequence, all);
            RemoveSupersededCheckpoints(part.Id);
            if (_firstStall.Remove(part.Id, out var first))
            {
                Metrics?.Latency.Record(StopwatchNanos.Since(first));
            }
        }
    }

    /// <summary>
    /// The manifest of checkpoint <paramref name="id"/> is durable: every older checkpoint of the stores goes (newer ones
    /// stay for the manifests still to come), except in a store whose next checkpoint is starting meanwhile (its stage
    /// thread removes them before its next one).
    /// </summary>
    private void RemoveSupersededCheckpoints(long id)
    {
        for (var kind = 0; kind < _stores.Length; kind++)
        {
            if (Volatile.Read(ref _stores[kind]) is not { } store)
            {
                continue;
            }

            lock (_gate)
            {
                if (_busy[kind])
                {
                    continue;
                }

                _busy[kind] = true; // the stage thread leaves the store alone meanwhile
            }

            try
            {
                store.RemoveCheckpointsExcept(TokensToKeep(kind, id));
            }
            finally
            {
                ReleaseStore(kind);
            }
        }
    }

    private void WriteManifest(long id, long sequence, Dictionary<string, Guid> tokens)
    {
        // WARNING: the manifest may name sequence S only once the journal holds every input up to S durably.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _journal?.WaitForCommit(sequence);
        Metrics?.JournalCommit.Record(StopwatchNanos.Since(started));
        long address;
        lock (_lock)
        {
            // A stamped frame a resumed run did not append again has no address: the previous one is at or before it,
            // and recovery skips the records it already holds.
            address = _journalAddresses.Remove(id, out var a) ? a : _lastJournalAddress;
            foreach (var stale in _journalAddresses.Keys.Where(k => k < id).ToList())
            {
                _journalAddresses.Remove(stale);
            }
        }

        var manifest = new CheckpointManifest(
            id,
            sequence,
            address,
            tokens,
            StoreSettings(),
            new Dictionary<string, long>())
        { Settings = _settings };
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        manifest.Write(_root);
        Metrics?.Manifest.Record(StopwatchNanos.Since(started));
        var previous = _durable;
        Volatile.Write(ref _durable, manifest);
        _lastJournalAddress = address;
        if (_retention == JournalRetention.SincePreviousCheckpoint && previous is not null && _journal is not null)
        {
            _journal.RequestTruncateUntil(previous.JournalAddress); // applied by the journal's thread with its next commit
        }

        Interlocked.Increment(ref _completed);
    }
}
