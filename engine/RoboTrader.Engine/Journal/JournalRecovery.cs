using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Recovery's replay: publishes the journal's committed frames after a checkpoint back into the ring with their
/// original sequences, so a resumed run continues from what the journal holds, not from what a source may still give
/// (a live feed cannot send the past again). The source then skips what the journal replayed.
/// </summary>
public static class JournalRecovery
{
    /// <summary>
    /// Publishes every committed journal record from <paramref name="fromAddress"/> whose sequence follows
    /// <paramref name="afterSequence"/>, in order, through <paramref name="ingest"/>.
    /// </summary>
    /// <param name="journal">The recovered journal.</param>
    /// <param name="fromAddress">Where to start scanning: the manifest's journal address (at or before the record after the checkpoint).</param>
    /// <param name="afterSequence">The checkpoint's sequence: records at or below it are skipped.</param>
    /// <param name="ingest">Producer thread's ingest, configured to resume after <paramref name="afterSequence"/>.</param>
    /// <returns>The number of frames replayed.</returns>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> on a damaged or out-of-order record.</exception>
    /// <remarks>Producer thread, after the pipeline started and before the source runs. Allocates nothing per record.</remarks>
    public static long Replay(InputJournal journal, long fromAddress, long afterSequence, IngestStage ingest)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(ingest);
        var visitor = new Visitor(ingest, afterSequence);
        journal.Scan(fromAddress, ref visitor);
        return visitor.Replayed;
    }

    private struct Visitor(IngestStage ingest, long afterSequence) : IJournalRecordVisitor
    {
        public long Replayed;

        public bool OnRecord(ReadOnlySpan<byte> record, long address, long nextAddress)
        {
            if (!JournalRecordCodec.TryDecode(record, out var sequence, out var source, out _, out var frame, out _))
            {
                throw new EngineException(ErrorCode.PersistenceCorrupt, $"journal record at address {address} is not a journal record");
            }

            if (sequence > afterSequence)
            {
                ingest.PublishJournaled(sequence, new SourceId(source), frame);
                Replayed++;
            }

            return true;
        }
    }
}
