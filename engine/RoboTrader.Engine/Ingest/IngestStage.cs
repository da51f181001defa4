using System.Diagnostics;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Ingest;

/// <summary>
/// The first stage: an adapter hands it a raw frame, it claims a slot, copies the bytes into the slot's own buffer,
/// stamps the source and the receive time and publishes. No allocation. Stages placed on the producer thread
/// (<see cref="RunOnProducer"/>) handle each frame before it is published.
/// </summary>
/// <remarks>Called only from the producer thread (one producer per pipeline: the ring is single-producer).</remarks>
public sealed class IngestStage
{
    private readonly RingBuffer<PipelineSlot> _ring;
    private readonly SourceRegistry _sources;
    private readonly CancellationToken _abort;
    private readonly int _publishBatch;
    private long _published;
    private long _lastClaimed = Sequence.InitialValue;
    private int _unpublished;
    private long _stamp;
    private long _checkpointEvery = long.MaxValue; // frames between checkpoints; MaxValue: never by count
    private long _untilCheckpoint = long.MaxValue;
    private long _checkpointInterval; // Stopwatch ticks; 0: no timed checkpoints
    private long _nextTimedCheckpoint = long.MaxValue;
    private long _lastCheckpointId;
    private long _skip;
    private Journal.JournalWriter? _journal;
    private Supervision.FusedStageGroup? _inline;
    private bool _inlineStarted;

    /// <summary>Creates the stage over <paramref name="ring"/>.</summary>
    /// <param name="ring">The ring (single producer).</param>
    /// <param name="sources">The registered sources.</param>
    /// <param name="abort">Cancelled when the consumers can no longer make progress (a consumer thread died): a
    /// producer waiting for room then fails instead of waiting forever.</param>
    /// <param name="publishBatch">Frames written before the cursor is published (1: every frame at once). Larger
    /// batches cost consumers up to that many frames of latency but save a cursor store, a cache-line transfer to
    /// the consumers and a clock read per frame: for replay, not for live feeds. <see cref="Flush"/> publishes a
    /// partial batch.</param>
    public IngestStage(RingBuffer<PipelineSlot> ring, SourceRegistry sources, CancellationToken abort = default, int publishBatch = 1)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfLessThan(publishBatch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(publishBatch, ring.BufferSize);
        _ring = ring;
        _sources = sources;
        _abort = abort;
        _publishBatch = publishBatch;
    }

    /// <summary>
    /// Journals every frame on this (the producer's) thread before publishing it: the journal's records are in order by
    /// construction and no third busy thread competes with the stages for the cores.
    /// </summary>
    /// <remarks>Before the first frame; producer thread.</remarks>
    public void JournalTo(Journal.JournalWriter journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
    }

    /// <summary>
    /// Runs <paramref name="stages"/> on this (the producer's) thread on each frame after it is written and journaled and
    /// before it is published (<see cref="StagePlacement.ProducerStages"/>): on two cores the producer has time to spare
    /// while the one consumer thread sets the pace. Their <c>OnStart</c> runs before the first frame and their
    /// <c>OnShutdown</c> after the end-of-data marker, both on the producer thread.
    /// </summary>
    /// <remarks>Before the first frame.</remarks>
    public void RunOnProducer(Supervision.FusedStageGroup stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _inline = stages;
    }

    /// <summary>Frames published so far (end-of-data markers not counted), including those a resume skipped.</summary>
    /// <remarks>Written only by the ingest thread; any thread may read it (a progress display does): a volatile read of one aligned long.</remarks>
    public long Published => Volatile.Read(ref _published);

    /// <summary>
    /// Stamps a frame with the next checkpoint id when <paramref name="every"/> frames have passed since the previous
    /// checkpoint (0: never) or, with a positive <paramref name="interval"/>, when that much time has (checked once per
    /// publish batch, at its first frame); and when resuming after sequence <paramref name="resumeAfter"/> (the manifest
    /// of checkpoint <paramref name="resumedCheckpointId"/>), skips the first <paramref name="resumeAfter"/> + 1 frames
    /// the source replays (they were handled before the checkpoint; a file replay is deterministic).
    /// </summary>
    /// <remarks>
    /// Before the first frame; producer thread. Ids count up from the resumed one: with frame counts alone the same
    /// frames get the same ids in every run; timed checkpoints fall wherever the clock says (outputs do not depend on
    /// where checkpoints are).
    /// </remarks>
    public void ConfigureCheckpoints(long every, long resumeAfter = Sequence.InitialValue, TimeSpan interval = default, long resumedCheckpointId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(every);
        ArgumentOutOfRangeException.ThrowIfLessThan(resumeAfter, Sequence.InitialValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(resumedCheckpointId);
        _checkpointEvery = every == 0 ? long.MaxValue : every;
        _checkpointInterval = interval == TimeSpan.Zero ? 0 : Math.Max(1, (long)(interval.TotalSeconds * Stopwatch.Frequency));
        ArmCheckpoint(Stopwatch.GetTimestamp());
        _lastCheckpointId = resumedCheckpointId;
        _skip = resumeAfter + 1;
        _published = resumeAfter + 1;
    }

    /// <summary>Publishes one frame from <paramref name="source"/>; returns its sequence (-1 for a frame a resume skipped).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The source is not registered or the frame is larger than <see cref="PipelineSlot.MaxFrameLength"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Publish(SourceId source, ReadOnlySpan<byte> frame)
    {
        if (!_sources.Contains(source) || frame.Length > PipelineSlot.MaxFrameLength)
        {
            ThrowBadFrame(source, frame.Length);
        }

        if (_skip != 0)
        {
            _skip--;
            return Sequence.InitialValue;
        }

        return PublishFrame(source, frame);
    }

    /// <summary>
    /// Recovery: publishes a frame read back from the input journal with its original <paramref name="sequence"/> (the
    /// next one), and makes the source skip one more frame, since the journal already had it.
    /// </summary>
    /// <exception cref="Core.Errors.EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when the sequence is not the next one (a gap in the journal).</exception>
    public long PublishJournaled(long sequence, SourceId source, ReadOnlySpan<byte> frame)
    {
        if (sequence != _published)
        {
            throw new Core.Errors.EngineException(ErrorCode.PersistenceCorrupt, $"journal replay expected sequence {_published} but the journal holds {sequence} next");
        }

        if (!_sources.Contains(source) || frame.Length > PipelineSlot.MaxFrameLength)
        {
            ThrowBadFrame(source, frame.Length);
        }

        _skip++;
        return PublishFrame(source, frame);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PublishFrame(SourceId source, ReadOnlySpan<byte> frame)
    {
        if (!_ring.TryNext(1, out var sequence))
        {
            sequence = WaitForSlot();
        }

        var slot = _ring[sequence];
        slot.Kind = SlotKind.Frame;
        slot.Source = source;
        if (_unpublished == 0)
        {
            _stamp = Stopwatch.GetTimestamp(); // one clock read per batch: every frame of a batch is received together
        }

        slot.CheckpointId = 0;
        if (--_untilCheckpoint == 0 || _stamp >= _nextTimedCheckpoint)
        {
            slot.CheckpointId = NextCheckpoint();
        }

        slot.Fault = ErrorCode.None;
        slot.FaultDetail = null;
        slot.SetFrame(frame);

        slot.ReceiveTimestamp = _stamp;
        _journal?.Record(sequence, source, _stamp, frame, slot.CheckpointId);
        if (_inline is not null)
        {
            RunInline(slot, sequence);
        }

        _lastClaimed = sequence;
        _published++;
        if (++_unpublished >= _publishBatch)
        {
            _unpublished = 0;
            _journal?.EndOfBatch();
            _ring.Publish(sequence);
        }

        return sequence;
    }

    private long NextCheckpoint()
    {
        ArmCheckpoint(_stamp);
        return ++_lastCheckpointId;
    }

    /// <summary>The next checkpoint is due <see cref="_checkpointEvery"/> frames or the interval after <paramref name="now"/>.</summary>
    private void ArmCheckpoint(long now)
    {
        _untilCheckpoint = _checkpointEvery;
        _nextTimedCheckpoint = _checkpointInterval == 0 ? long.MaxValue : now + _checkpointInterval;
    }

    /// <summary>Publishes the frames written but not yet published (a partial batch). Call when the input pauses.</summary>
    public void Flush()
    {
        if (_unpublished != 0)
        {
            _unpublished = 0;
            _journal?.Pause();
            _ring.Publish(_lastClaimed);
        }
    }

    /// <summary>Publishes the end-of-data marker (after any partial batch): every stage finishes its work when it reaches it.</summary>
    public long PublishEndOfData()
    {
        Flush();
        _journal?.Finish(); // everything journaled is committed before the stages see the end
        if (!_ring.TryNext(1, out var sequence))
        {
            sequence = WaitForSlot();
        }

        var slot = _ring[sequence];
        slot.Kind = SlotKind.EndOfData;
        slot.Source = default;
        slot.CheckpointId = 0;
        slot.Fault = ErrorCode.None;
        slot.FaultDetail = null;
        slot.FrameLength = 0;
        slot.ReceiveTimestamp = Stopwatch.GetTimestamp();
        if (_inline is { } inline)
        {
            RunInline(slot, sequence);
            inline.OnShutdown();
        }

        _ring.Publish(sequence);
        return sequence;
    }

    private void RunInline(PipelineSlot slot, long sequence)
    {
        if (!_inlineStarted)
        {
            _inlineStarted = true;
            _inline!.OnStart();
        }

        _inline!.OnEvent(ref slot, sequence, endOfBatch: false);
    }

    /// <summary>The ring is full: wait for the consumers, unless they can no longer make progress.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long WaitForSlot()
    {
        Flush(); // the consumers need what is written to make room
        var spin = default(SpinWait);
        long sequence;
        while (!_ring.TryNext(1, out sequence))
        {
            _abort.ThrowIfCancellationRequested();
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return sequence;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadFrame(SourceId source, int length)
    {
        if (!_sources.Contains(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source.Value, "the source is not registered");
        }

        throw new ArgumentOutOfRangeException(nameof(length), length, $"a frame may be at most {PipelineSlot.MaxFrameLength} bytes");
    }
}
