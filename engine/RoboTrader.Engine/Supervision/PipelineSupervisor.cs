using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Supervision;

/// <summary>
/// Owns the consumer threads of a pipeline: one per group of fused stages, chained so each group waits for the one
/// before it; the last group gates the producers. Starts them, reports their health, and on shutdown drains every
/// published event before halting and joining them.
/// </summary>
/// <remarks>Start, drain and stop are called from the owner's thread; <see cref="Health"/> from any thread.</remarks>
public sealed class PipelineSupervisor : IDisposable
{
    /// <summary>
    /// How many slots ahead a consumer prefetches (<see cref="SlotPrefetch"/>). A consumer spends 70–200 ns on an event,
    /// a cross-core line transfer ~100 ns: two events ahead is enough, and stays inside most batches (1, 4 and 8 measured
    /// no different on the real-data run with state; perf/RESULTS.md).
    /// </summary>
    public const int PrefetchDistance = 2;

    private readonly RingBuffer<PipelineSlot> _ring;
    private readonly List<Worker> _workers = [];
    private readonly List<FusedStageGroup> _groups = [];
    private readonly CancellationTokenSource _consumerDied = new();
    private bool _started;
    private bool _stopped;

    /// <summary>Builds the consumer chain for <paramref name="groups"/>, each group with a wait strategy of its own.</summary>
    /// <param name="ring">The ring.</param>
    /// <param name="groups">Stage groups in pipeline order, each on a thread of its own, each waiting for the one before.</param>
    /// <param name="waitStrategies">How each group's thread waits (one per group).</param>
    /// <param name="pinThreads">Pin stage group threads to CPUs 1, 2, ... (CPU 0 is the producer's).</param>
    /// <param name="checkpoints">When given, each group writes its stages' state at stamped frames (see <see cref="Checkpoints.CheckpointCoordinator"/>).</param>
    public PipelineSupervisor(
        RingBuffer<PipelineSlot> ring,
        IReadOnlyList<IReadOnlyList<StageSupervisor>> groups,
        IReadOnlyList<IWaitStrategy> waitStrategies,
        bool pinThreads = false,
        Checkpoints.CheckpointCoordinator? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(waitStrategies);
        ArgumentOutOfRangeException.ThrowIfNotEqual(waitStrategies.Count, groups.Count, nameof(waitStrategies));
        _ring = ring;
        Sequence[] upstream = [];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var handler = new FusedStageGroup(group, checkpoints, last: g == groups.Count - 1);
            _groups.Add(handler);
            var barrier = ring.NewBarrier(waitStrategies[g], upstream);
            // A consumer publishes its progress at least every quarter ring: with one batch per whole ring, a fast
            // producer and the consumer take turns (one waits for room while the other drains) instead of overlapping.
            // Each consumer prefetches the slot PrefetchDistance events ahead: its lines come from the producer's core.
            // Non-temporal where it pays (a slot is read once a lap and then written again by the producer): on AMD, not on
            // Intel (SlotPrefetch.NonTemporalPaysOn).
            var prefetch = new SlotPrefetch(PrefetchDistance, PipelineSlot.PrefetchBytes, nonTemporal: SlotPrefetch.NonTemporalPays);
            var processor = new BatchEventProcessor<PipelineSlot, FusedStageGroup>(
                ring, barrier, handler, maxBatchSize: Math.Max(1, ring.BufferSize / 4), prefetch: prefetch);
            // Pinned: the producer keeps CPU 0, the stage groups take the next CPUs in turn.
            int? cpu = pinThreads ? (1 + _workers.Count) % Environment.ProcessorCount : null;
            _workers.Add(new Worker(handler.Name, processor, group, _consumerDied, cpu));
            upstream = [processor.Sequence];
        }

        ring.AddGatingSequences(upstream);
    }

    /// <summary>The first consumer group journals every frame before its stages see it (<see cref="FusedStageGroup.JournalFirst"/>).</summary>
    /// <remarks>Before <see cref="Start"/>.</remarks>
    public void JournalOnFirstGroup(Journal.JournalWriter journal) => _groups[0].JournalFirst(journal);

    /// <summary>Cancelled when a consumer thread dies: producers waiting for room must give up (see <see cref="Ingest.IngestStage"/>).</summary>
    public CancellationToken ConsumerDied => _consumerDied.Token;

    /// <summary>
    /// Makes the ring and every consumer continue after <paramref name="sequence"/> (resume from a checkpoint).
    /// Before <see cref="Start"/>; single-producer rings only.
    /// </summary>
    public void StartAfter(long sequence)
    {
        if (_started)
        {
            throw new InvalidOperationException("the pipeline is already started");
        }

        if (_ring.Sequencer is not SingleProducerSequencer sequencer)
        {
            throw new InvalidOperationException("only a single-producer ring can resume from a sequence");
        }

        sequencer.StartAfter(sequence);
        foreach (var w in _workers)
        {
            w.Processor.Sequence.SetValue(sequence);
        }
    }

    /// <summary>Starts every consumer thread.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("the pipeline is already started");
        }

        _started = true;
        foreach (var w in _workers)
        {
            w.Start();
        }
    }

    /// <summary>Health of each consumer thread.</summary>
    public IReadOnlyList<StageHealth> Health()
    {
        var cursor = _ring.Cursor;
        return _workers.Select(w => new StageHealth(
            w.Name,
            w.Processor.Sequence.Value,
            cursor - w.Processor.Sequence.Value,
            w.Supervisors.Sum(s => s.Faults),
            w.Processor.IsRunning)).ToList();
    }

    /// <summary>
    /// Waits until every consumer has finished every published event, then halts and joins the threads. Throws an
    /// <see cref="EngineException"/> when a consumer thread died (its exception inside).
    /// </summary>
    public void DrainAndStop()
    {
        if (!_started || _stopped)
        {
            return;
        }

        var target = _ring.Cursor;
        var spin = default(SpinWait);
        foreach (var w in _workers)
        {
            while (w.Processor.Sequence.Value < target && w.IsAlive)
            {
                spin.SpinOnce();
            }
        }

        Stop();
    }

    /// <summary>Halts and joins the threads without draining.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var w in _workers)
        {
            w.Processor.Halt();
        }

        foreach (var w in _workers)
        {
            w.Join();
        }

        var dead = _workers.FirstOrDefault(w => w.Error is not null);
        if (dead is not null)
        {
            throw new EngineException(ErrorCode.SystemStageFault, $"consumer thread '{dead.Name}' died: {dead.Error!.Message}", dead.Error);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _consumerDied.Dispose();
        if (_started && !_stopped)
        {
            _stopped = true;
            foreach (var w in _workers)
            {
                w.Processor.Halt();
            }

            foreach (var w in _workers)
            {
                w.Join();
            }
        }
    }

    private sealed class Worker(
        string name,
        IEventProcessor processor,
        IReadOnlyList<StageSupervisor> supervisors,
        CancellationTokenSource died,
        int? cpu)
    {
        private Thread? _thread;

        public string Name { get; } = name;

        public IEventProcessor Processor { get; } = processor;

        public IReadOnlyList<StageSupervisor> Supervisors { get; } = supervisors;

        public Exception? Error { get; private set; }

        public bool IsAlive => _thread is { IsAlive: true };

        public void Start()
        {
            _thread = new Thread(Run) { Name = "rt-" + Name, IsBackground = true };
            _thread.Start();
        }

        public void Join() => _thread?.Join();

        private void Run()
        {
            try
            {
                if (cpu is { } c)
                {
                    Diagnostics.ThreadAffinity.PinCurrentThread(c);
                }

                Processor.Run();
                if (Processor.Fault is { } fault)
                {
                    Error = fault;
                }
            }
            catch (Exception ex)
            {
                // A thread must never die with an unhandled exception (it would end the process): report it instead.
                Error = ex;
            }

            if (Error is not null)
            {
                died.Cancel();
            }
        }
    }
}
