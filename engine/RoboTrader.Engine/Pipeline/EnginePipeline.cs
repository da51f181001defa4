using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Supervision;

namespace RoboTrader.Engine.Pipeline;

/// <summary>
/// A built pipeline: the ring, the ingest stage for the producer thread, and the supervisor of the consumer threads
/// running the other stages as placed.
/// </summary>
public sealed class EnginePipeline : IDisposable
{
    private EnginePipeline(RingBuffer<PipelineSlot> ring, IngestStage ingest, PipelineSupervisor supervisor, IReadOnlyList<StageSupervisor> stages)
    {
        Ring = ring;
        Ingest = ingest;
        Supervisor = supervisor;
        Stages = stages;
    }

    /// <summary>The ring.</summary>
    public RingBuffer<PipelineSlot> Ring { get; }

    /// <summary>The producer side: adapters publish frames through it.</summary>
    public IngestStage Ingest { get; }

    /// <summary>The consumer threads (stages placed on the producer thread run inside <see cref="Ingest"/>).</summary>
    public PipelineSupervisor Supervisor { get; }

    /// <summary>The supervised stages in pipeline order.</summary>
    public IReadOnlyList<StageSupervisor> Stages { get; }

    /// <summary>
    /// Builds the pipeline: one stage of each <see cref="StageKind"/> with its fault policy, placed on threads as
    /// <paramref name="options"/> says (the input journal is written by ingest: <see cref="Ingest.IngestStage.JournalTo"/>). Freezes <paramref name="sources"/>.
    /// Threads start with <see cref="Start"/>.
    /// </summary>
    public static EnginePipeline Build(
        PipelineOptions options,
        SourceRegistry sources,
        IReadOnlyList<(IStage Stage, FaultPolicy Policy)> stages,
        KillSwitch killSwitch,
        Checkpoints.CheckpointCoordinator? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(killSwitch);
        options.Validate();
        sources.Freeze();

        var byKind = new Dictionary<StageKind, StageSupervisor>();
        foreach (var (stage, policy) in stages)
        {
            if (!byKind.TryAdd(stage.Kind, new StageSupervisor(stage, policy, killSwitch)))
            {
                throw new ArgumentException($"two {stage.Kind} stages given", nameof(stages));
            }
        }

        foreach (var kind in Enum.GetValues<StageKind>())
        {
            if (!byKind.ContainsKey(kind))
            {
                throw new ArgumentException($"no {kind} stage given", nameof(stages));
            }
        }

        var groups = options.Placement.Groups
            .Select(g => (IReadOnlyList<StageSupervisor>)g.Select(k => byKind[k]).ToList())
            .ToList();
        var handOff = new FusedHandOff(); // risk, decide and execute are fused: one hand-off serves every slot
        var ring = RingBuffer<PipelineSlot>.CreateSingleProducer(() => new PipelineSlot(handOff), options.RingSize);
        var supervisor = new PipelineSupervisor(ring, groups, groups.Select((_, g) => WaitStrategies.Create(options.WaitOf(g))).ToArray(), options.PinThreads, checkpoints);
        var ingest = new IngestStage(ring, sources, supervisor.ConsumerDied, options.PublishBatch);
        if (!options.Placement.ProducerStages.IsEmpty)
        {
            // Earlier in pipeline order than every consumer group, so never the group that completes a checkpoint.
            ingest.RunOnProducer(new FusedStageGroup(options.Placement.ProducerStages.Select(k => byKind[k]).ToList(), checkpoints));
        }

        var ordered = Enum.GetValues<StageKind>().Select(k => byKind[k]).ToList();
        return new EnginePipeline(ring, ingest, supervisor, ordered);
    }

    /// <summary>Starts the consumer threads.</summary>
    public void Start() => Supervisor.Start();

    /// <summary>Publishes the end-of-data marker, waits for every stage to finish every event, stops the threads.</summary>
    public void Complete()
    {
        Ingest.PublishEndOfData();
        Supervisor.DrainAndStop();
    }

    /// <inheritdoc />
    public void Dispose() => Supervisor.Dispose();
}
