using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Supervision;

/// <summary>
/// Several stages fused on one consumer thread: each event passes through them in order. A stage that throws is
/// handed to its <see cref="StageSupervisor"/>; the other stages still see the event.
/// </summary>
public sealed class FusedStageGroup : IEventHandler<PipelineSlot>
{
    private readonly IStage[] _stages;
    private readonly StageHandler[] _handlers;
    private readonly StageSupervisor[] _supervisors;
    private readonly Checkpoints.CheckpointCoordinator? _checkpoints;
    private readonly bool _last;
    private readonly Risk.RiskStage? _risk; // the default trading group, called directly (see the constructor)
    private readonly Strategies.DecideStage? _decide;
    private readonly Execution.ExecuteStage? _execute;
    private readonly Persistence.PersistStage? _persist;
    private Journal.JournalWriter? _journal;
    private bool _commitEachFrame;

    /// <summary>Creates the group from supervised stages, in pipeline order.</summary>
    /// <param name="supervisors">The stages.</param>
    /// <param name="checkpoints">When given, the group's stages write their state after a frame stamped with a checkpoint id.</param>
    /// <param name="last">True for the last group of the pipeline (it completes each checkpoint).</param>
    public FusedStageGroup(IReadOnlyList<StageSupervisor> supervisors, Checkpoints.CheckpointCoordinator? checkpoints = null, bool last = false)
    {
        ArgumentNullException.ThrowIfNull(supervisors);
        _checkpoints = checkpoints;
        _last = last;
        _supervisors = [.. supervisors];
        _stages = _supervisors.Select(s => s.Stage).ToArray();

        // One closed delegate per stage: the loop's call site sees five stage types, and an interface call there goes
        // through the runtime's megamorphic resolve stub (a hashed lookup, ~14 ns per event in the profile) where a
        // delegate is a plain indirect call.
        _handlers = _stages.Select(s => (StageHandler)s.OnEvent).ToArray();

        // The default consumer group (risk, decide, execute, persist) calls its stages directly: four sealed types,
        // no indirect call per stage and event.
        if (_stages is [Risk.RiskStage risk, Strategies.DecideStage decide, Execution.ExecuteStage execute, Persistence.PersistStage persist])
        {
            (_risk, _decide, _execute, _persist) = (risk, decide, execute, persist);
        }
    }

    private delegate void StageHandler(PipelineSlot slot, long sequence, bool endOfBatch);

    /// <summary>Thread name: the stages joined by '+'.</summary>
    public string Name => string.Join('+', _stages.Select(s => s.Kind.ToString().ToLowerInvariant()));

    /// <summary>
    /// Journals every frame on this group's thread before its stages see it (<see cref="Journal.JournalThread.Consumer"/>):
    /// cuts a block at the end of each batch the ring hands over (or after every frame in commit-before-execute mode,
    /// so that execute's wait for the commit can end), and commits everything at the end of the data.
    /// </summary>
    /// <remarks>Before the group's thread starts; the first consumer group only (frames reach it first).</remarks>
    public void JournalFirst(Journal.JournalWriter journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _commitEachFrame = journal.CommitsEachFrame; // read once: a property chain per frame showed in the profile
    }

    /// <inheritdoc />
    public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
    {
        if (_journal is not null)
        {
            Journal(data, sequence, endOfBatch);
        }

        if (_risk is not null)
        {
            OnTradingEvent(data, sequence, endOfBatch);
        }
        else
        {
            var handlers = _handlers;
            for (var i = 0; i < handlers.Length; i++)
            {
                try
                {
                    handlers[i](data, sequence, endOfBatch);
                }
                catch (Exception ex)
                {
                    _supervisors[i].OnFault(ex, data, sequence);
                }
            }
        }

        if (data.CheckpointId != 0 && _checkpoints is not null)
        {
            _checkpoints.OnGroupHandled(_supervisors, data.CheckpointId, sequence, _last);
        }
    }

    /// <summary>The default trading group's stages in order, each under its supervisor like the general loop.</summary>
    private void OnTradingEvent(PipelineSlot data, long sequence, bool endOfBatch)
    {
        try
        {
            _risk!.OnEvent(data, sequence, endOfBatch);
        }
        catch (Exception ex)
        {
            _supervisors[0].OnFault(ex, data, sequence);
        }

        try
        {
            _decide!.OnEvent(data, sequence, endOfBatch);
        }
        catch (Exception ex)
        {
            _supervisors[1].OnFault(ex, data, sequence);
        }

        try
        {
            _execute!.OnEvent(data, sequence, endOfBatch);
        }
        catch (Exception ex)
        {
            _supervisors[2].OnFault(ex, data, sequence);
        }

        try
        {
            _persist!.OnEvent(data, sequence, endOfBatch);
        }
        catch (Exception ex)
        {
            _supervisors[3].OnFault(ex, data, sequence);
        }
    }

    private void Journal(PipelineSlot data, long sequence, bool endOfBatch)
    {
        var journal = _journal!;
        if (data.Kind == SlotKind.EndOfData)
        {
            journal.Finish(); // everything journaled is committed before the stages see the end
            return;
        }

        journal.Record(sequence, data.Source, data.ReceiveTimestamp, data.FrameStorage, data.FrameLength, data.CheckpointId);
        if (endOfBatch || _commitEachFrame)
        {
            journal.EndOfBatch();
        }
    }

    /// <inheritdoc />
    public void OnStart()
    {
        foreach (var s in _stages)
        {
            s.OnStart();
        }
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
        List<Exception>? errors = null;
        foreach (var s in _stages)
        {
            try
            {
                s.OnShutdown();
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
            }
        }

        if (errors is not null)
        {
            throw new AggregateException("stages failed to shut down", errors);
        }
    }
}
