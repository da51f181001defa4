using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Appends every published frame to the input journal (a FasterLog) as a MessagePack record, beside parse: a
/// consumer of its own that waits only for the producers, so journaling never delays the stages. Records are grouped
/// into blocks (<see cref="JournalBlock"/>), one log entry each, cut at the end of every batch the ring hands over,
/// at <see cref="BlockBytes"/>, and right after a checkpoint's frame; blocks are Brotli-compressed when asked. Group
/// commit (every N entries or M milliseconds, the journal's options) attaches the ring sequence to each commit; the
/// end-of-data marker commits everything. The producers are gated on this consumer too, so no slot is reused
/// before it is journaled.
/// </summary>
/// <remarks>Runs on its own consumer thread. The journal itself is owned (opened, closed) by the host.</remarks>
public sealed class JournalStage : IEventHandler<PipelineSlot>
{
    /// <summary>A block is cut once it holds this many bytes of records.</summary>
    public const int BlockBytes = 64 * 1024;

    private readonly InputJournal _journal;
    private readonly Checkpoints.CheckpointCoordinator? _checkpoints;
    private readonly bool _compress;
    private readonly long _recovered;
    private byte[] _block = new byte[BlockBytes + PipelineSlot.InitialFrameCapacity + JournalRecordCodec.Overhead];
    private byte[] _compressed = new byte[BlockBytes + PipelineSlot.InitialFrameCapacity + JournalRecordCodec.Overhead];
    private int _blockLength;
    private long _blockLast = -1;
    private long _lastSequence = -1;

    /// <summary>Creates the stage over an open journal.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="checkpoints">When given, told where the entry after each checkpoint frame starts.</param>
    /// <param name="compress">Brotli-compress each block (when it pays).</param>
    public JournalStage(InputJournal journal, Checkpoints.CheckpointCoordinator? checkpoints = null, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _checkpoints = checkpoints;
        _compress = compress;
        _recovered = journal.RecoveredSequence;
    }

    /// <summary>Records appended (by this run and, after a resume, before it).</summary>
    public long Appended { get; private set; }

    /// <summary>Bytes of records (before compression) and bytes of log entries written by this run.</summary>
    public (long Records, long Entries) Bytes => (_recordBytes, _entryBytes);

    private long _recordBytes;
    private long _entryBytes;

    /// <summary>Resuming after <paramref name="sequence"/>: the journal holds every frame up to it (and maybe more).</summary>
    /// <remarks>Before the stage's thread starts.</remarks>
    public void ResumeAfter(long sequence) => Appended = sequence + 1;

    /// <inheritdoc />
    public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
    {
        if (data.Kind == SlotKind.EndOfData)
        {
            FlushBlock();
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
        if (_block.Length - _blockLength < frame.Length + JournalRecordCodec.Overhead)
        {
            FlushBlock();
            if (_block.Length < frame.Length + JournalRecordCodec.Overhead)
            {
                // Rare: a frame larger than any before.
                _block = new byte[frame.Length + JournalRecordCodec.Overhead];
                _compressed = new byte[_block.Length];
            }
        }

        var length = JournalRecordCodec.Encode(sequence, data.Source.Value, StopwatchNanos.ToNanos(data.ReceiveTimestamp), frame, _block.AsSpan(_blockLength));
        if (length < 0)
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"journal record for sequence {sequence} did not fit its buffer");
        }

        _blockLength += length;
        _blockLast = sequence;
        _lastSequence = sequence;
        Appended++;
        if (data.CheckpointId != 0)
        {
            FlushBlock();
            _checkpoints?.OnJournaled(data.CheckpointId, _journal.TailAddress); // where recovery resumes the scan
            _journal.Commit(sequence); // a checkpoint waits for this frame to be durable
        }
        else if (endOfBatch || _blockLength >= BlockBytes)
        {
            FlushBlock(); // Append commits by itself every N entries or M ms
            if (endOfBatch)
            {
                _journal.CommitIfDue(); // idle now: do not leave a partial group waiting for the next frame
            }
        }
    }

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
        FlushBlock();
        if (_lastSequence >= 0 && _journal.CommittedSequence < _lastSequence)
        {
            _journal.Commit(_lastSequence);
        }
    }

    private void FlushBlock()
    {
        if (_blockLength == 0)
        {
            return;
        }

        var plain = _block.AsSpan(0, _blockLength);
        var compressed = _compress ? JournalBlock.Compress(plain, _compressed) : -1;
        var entry = compressed > 0 ? _compressed.AsSpan(0, compressed) : plain;
        _journal.Append(_blockLast, entry);
        _recordBytes += _blockLength;
        _entryBytes += entry.Length;
        _blockLength = 0;
    }
}
