using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Appends every frame to the input journal (a FasterLog) as a MessagePack record {seq, src, recv, raw}. The engine
/// calls it on an existing busy thread — a journaling thread of its own competed with the stages for two cores: the
/// first consumer group's, before its stages (<see cref="Supervision.FusedStageGroup.JournalFirst"/>, the default), or
/// ingest's on the producer thread before each frame is published (<see cref="Ingest.IngestStage.JournalTo"/>); see
/// <see cref="JournalThread"/>. Records are grouped into
/// blocks (<see cref="JournalBlock"/>), one log entry each, cut at <see cref="BlockBytes"/>, at a publish when a
/// commit is due (or always, in commit-before-execute mode), when the input pauses, and right after a checkpoint's
/// frame; blocks are Brotli-compressed or delta-coded when asked (<see cref="JournalCompression"/>). Group commit (every N entries or M milliseconds, the journal's
/// options) attaches the ring sequence to each commit; the end of the data commits everything.
/// </summary>
/// <remarks>One thread only (the one it is given to). The journal itself is owned (opened, closed) by the host.</remarks>
public sealed class JournalWriter
{
    /// <summary>A block is cut once it holds this many bytes of records.</summary>
    public const int BlockBytes = 64 * 1024;

    /// <summary>A delta block is cut before its plain form (what readers decode it to) passes this many bytes.</summary>
    public const int MaxPlainBlockBytes = 16 * BlockBytes;

    private readonly InputJournal _journal;
    private readonly Checkpoints.CheckpointCoordinator? _checkpoints;
    private readonly JournalCompression _compression;
    private readonly JournalDeltaEncoder? _delta;
    private readonly long _recovered;
    private byte[] _block = new byte[BlockBytes + PipelineSlot.InitialFrameCapacity + JournalRecordCodec.Overhead];
    private byte[] _compressed = new byte[BlockBytes + PipelineSlot.InitialFrameCapacity + JournalRecordCodec.Overhead];
    private int _blockLength;
    private long _blockLast = -1;
    private long _lastSequence = -1;

    /// <summary>Creates the writer over an open journal.</summary>
    /// <param name="journal">The journal.</param>
    /// <param name="checkpoints">When given, told where the entry after each checkpoint frame starts.</param>
    /// <param name="compression">How blocks are written: plain, Brotli-compressed or delta-coded (each only when it pays).</param>
    public JournalWriter(InputJournal journal, Checkpoints.CheckpointCoordinator? checkpoints = null, JournalCompression compression = JournalCompression.None)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _checkpoints = checkpoints;
        _compression = compression;
        _delta = compression == JournalCompression.Delta ? new JournalDeltaEncoder() : null;
        _recovered = journal.RecoveredSequence;
    }

    /// <summary>True in commit-before-execute mode: every frame is committed as soon as it is journaled.</summary>
    public bool CommitsEachFrame => _journal.Options.Mode == DurabilityMode.CommitBeforeExecute;

    /// <summary>Records appended (by this run and, after a resume, before it).</summary>
    public long Appended { get; private set; }

    /// <summary>Resuming after <paramref name="sequence"/>: the journal holds every frame up to it (and maybe more).</summary>
    /// <remarks>Before the first frame.</remarks>
    public void ResumeAfter(long sequence) => Appended = sequence + 1;

    /// <summary>Journals one frame (ingest, before it publishes the frame).</summary>
    /// <param name="sequence">The frame's ring sequence.</param>
    /// <param name="source">Its source.</param>
    /// <param name="receiveTimestamp">Its receive stamp (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
    /// <param name="frame">Its bytes.</param>
    /// <param name="checkpointId">Nonzero for a checkpoint's frame: the block is cut and committed after it.</param>
    public void Record(long sequence, SourceId source, long receiveTimestamp, ReadOnlySpan<byte> frame, long checkpointId)
        => Record(sequence, source, receiveTimestamp, frame, frame.Length, checkpointId);

    /// <summary>
    /// Journals one frame held in the first <paramref name="length"/> bytes of <paramref name="storage"/> (a slot's
    /// frame storage, <see cref="PipelineSlot.FrameStorage"/>): the delta encoder reads it in place when the storage
    /// has room after it.
    /// </summary>
    /// <param name="sequence">The frame's ring sequence.</param>
    /// <param name="source">Its source.</param>
    /// <param name="receiveTimestamp">Its receive stamp (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
    /// <param name="storage">The frame's bytes, then bytes that are not part of it.</param>
    /// <param name="length">The frame's length.</param>
    /// <param name="checkpointId">Nonzero for a checkpoint's frame: the block is cut and committed after it.</param>
    public void Record(long sequence, SourceId source, long receiveTimestamp, ReadOnlySpan<byte> storage, int length, long checkpointId)
    {
        if (sequence <= _recovered)
        {
            Appended++; // a resume replays frames the journal already holds
            return;
        }

        if (_delta is not null)
        {
            // Encoded directly (no MessagePack written and parsed again); the encoder grows for a larger frame.
            _delta.Append(sequence, source.Value, StopwatchNanos.ToNanos(receiveTimestamp), storage, length);
        }
        else
        {
            Encode(sequence, source, receiveTimestamp, storage[..length]);
        }

        _blockLast = sequence;
        _lastSequence = sequence;
        Appended++;
        if (checkpointId != 0)
        {
            FlushBlock();
            _checkpoints?.OnJournaled(checkpointId, _journal.TailAddress); // where recovery resumes the scan
            _journal.Commit(sequence); // a checkpoint waits for this frame to be durable
        }
        else if (PendingBytes >= BlockBytes || (_delta is not null && _delta.PlainLength >= MaxPlainBlockBytes))
        {
            FlushBlock(); // Append commits by itself every N entries or M ms
        }
    }

    private int PendingBytes => _delta is null ? _blockLength : _delta.Count == 0 ? 0 : _delta.Length;

    private void Encode(long sequence, SourceId source, long receiveTimestamp, ReadOnlySpan<byte> frame)
    {
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

        var length = JournalRecordCodec.Encode(sequence, source.Value, StopwatchNanos.ToNanos(receiveTimestamp), frame, _block.AsSpan(_blockLength));
        if (length < 0)
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"journal record for sequence {sequence} did not fit its buffer");
        }

        _blockLength += length;
    }

    /// <summary>
    /// The frames so far were handed over together (a batch): cut the block and commit when the policy says so, so
    /// that a pause in the input does not leave frames waiting. In commit-before-execute mode that is every time.
    /// </summary>
    public void EndOfBatch()
    {
        if (PendingBytes >= BlockBytes / 4 || CommitsEachFrame || _journal.CommitIntervalElapsed)
        {
            FlushBlock();
            _journal.CommitIfDue();
        }
    }

    /// <summary>The input pauses: cut the block and commit when the policy says so.</summary>
    public void Pause()
    {
        FlushBlock();
        _journal.CommitIfDue();
    }

    /// <summary>The end of the data: everything journaled is committed.</summary>
    public void Finish()
    {
        FlushBlock();
        if (_lastSequence >= 0 && _journal.CommittedSequence < _lastSequence)
        {
            _journal.Commit(_lastSequence);
        }
    }

    private void FlushBlock()
    {
        if (_delta is not null)
        {
            FlushDeltaBlock(_delta);
            return;
        }

        if (_blockLength == 0)
        {
            return;
        }

        var plain = _block.AsSpan(0, _blockLength);
        var compressed = _compression == JournalCompression.Brotli ? JournalBlock.Compress(plain, _compressed) : -1;
        var entry = compressed > 0 ? _compressed.AsSpan(0, compressed) : plain;
        _journal.Append(_blockLast, entry);
        _blockLength = 0;
    }

    private void FlushDeltaBlock(JournalDeltaEncoder delta)
    {
        if (delta.Count == 0)
        {
            return;
        }

        var block = delta.Finish();
        if (block.Length < delta.PlainLength)
        {
            _journal.Append(_blockLast, block);
        }
        else
        {
            // Rare (frames unlike each other): the plain block is no larger, so it is written instead.
            var plain = JournalDeltaDecoder.Decode(block, ref _block, _journal.TailAddress);
            _journal.Append(_blockLast, plain);
        }

        delta.Reset();
    }
}
