using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Appends every published frame to the input journal (a FasterLog) as a MessagePack record, beside parse: a
/// consumer of its own that waits only for the producers, so journaling never delays the stages. Group commit
/// (every N records or M milliseconds, the journal's options) attaches the ring sequence to each commit; the
/// end-of-data marker commits everything. The producers are gated on this consumer too, so no slot is reused
/// before it is journaled.
/// </summary>
/// <remarks>Runs on its own consumer thread. The journal itself is owned (opened, closed) by the host.</remarks>
public sealed class JournalStage : IEventHandler<PipelineSlot>
{
    private readonly InputJournal _journal;
    private byte[] _record = new byte[PipelineSlot.InitialFrameCapacity + JournalRecordCodec.Overhead];
    private long _lastSequence = -1;
    private readonly long _recovered;

    private readonly Checkpoints.CheckpointCoordinator? _checkpoints;

    /// <summary>Creates the stage over an open journal.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="checkpoints">When given, told where the record after each checkpoint frame starts.</param>
    public JournalStage(InputJournal journal, Checkpoints.CheckpointCoordinator? checkpoints = null)
    {
        _checkpoints = checkpoints;
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _recovered = journal.RecoveredSequence;
    }

    /// <summary>Records appended (by this run and, after a resume, before it).</summary>
    public long Appended { get; private set; }

    /// <summary>Resuming after <paramref name="sequence"/>: the journal holds every frame up to it (and maybe more).</summary>
    /// <remarks>Before the stage's thread starts.</remarks>
    public void ResumeAfter(long sequence) => Appended = sequence + 1;

    /// <inheritdoc />
    public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
    {
        if (data.Kind == SlotKind.EndOfData)
        {
            if (_lastSequence >= 0)
            {
                _journal.Commit(_lastSequence);
            }

            return;
        }

        if (sequence <= _recovered)
        {
            Appended++; // a resume replays frames the journal already holds
            return;
        }

        var frame = data.Frame;
        if (_record.Length < frame.Length + JournalRecordCodec.Overhead)
        {
            _record = new byte[frame.Length + JournalRecordCodec.Overhead]; // rare: a frame larger than any before
        }

        var length = JournalRecordCodec.Encode(sequence, data.Source.Value, StopwatchNanos.ToNanos(data.ReceiveTimestamp), frame, _record);
        if (length < 0)
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"journal record for sequence {sequence} did not fit its buffer");
        }

        _journal.Append(sequence, _record.AsSpan(0, length));
        _lastSequence = sequence;
        Appended++; // Append commits by itself every N records or M ms
        if (data.CheckpointId != 0)
        {
            _checkpoints?.OnJournaled(data.CheckpointId, _journal.TailAddress); // where recovery resumes the scan
            _journal.Commit(sequence); // a checkpoint waits for this frame to be durable
        }
        else if (endOfBatch)
        {
            _journal.CommitIfDue(); // idle now: do not leave a partial group waiting for the next frame
        }
    }

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
        if (_lastSequence >= 0 && _journal.CommittedSequence < _lastSequence)
        {
            _journal.Commit(_lastSequence);
        }
    }
}
