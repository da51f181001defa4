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
    /// <param name="fromAddress">Where to start scanning: the manifest's journal address (at or before the entry after the checkpoint).</param>
    /// <param name="afterSequence">The checkpoint's sequence: records at or below it are skipped.</param>
    /// <param name="ingest">Producer thread's ingest, configured to resume after <paramref name="afterSequence"/>.</param>
    /// <returns>The number of frames replayed.</returns>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> on a damaged or out-of-order record.</exception>
    /// <remarks>Producer thread, after the pipeline started and before the source runs. Allocates nothing per record.</remarks>
    public static long Replay(InputJournal journal, long fromAddress, long afterSequence, IngestStage ingest)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(ingest);
        var visitor = new EntryVisitor<Publisher>(new Publisher(ingest, afterSequence));
        journal.Scan(fromAddress, ref visitor);
        return visitor.Records.Replayed;
    }

    /// <summary>Turns log entries into records (decompressing blocks): for every reader of the journal.</summary>
    /// <typeparam name="TRecords">What receives the records.</typeparam>
    public struct EntryVisitor<TRecords>(TRecords records) : IJournalRecordVisitor
        where TRecords : JournalBlock.IRecordVisitor
    {
        private byte[] _scratch = [];

        /// <summary>The record visitor (with what it counted).</summary>
        public TRecords Records = records;

        /// <inheritdoc />
        public bool OnRecord(ReadOnlySpan<byte> record, long address, long nextAddress)
        {
            JournalBlock.ForEachRecord(JournalBlock.Records(record, ref _scratch, address), address, ref Records);
            return true;
        }
    }

    private struct Publisher(IngestStage ingest, long afterSequence) : JournalBlock.IRecordVisitor
    {
        public long Replayed;

        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded)
        {
            if (sequence > afterSequence)
            {
                ingest.PublishJournaled(sequence, new SourceId(source), frame);
                Replayed++;
            }
        }
    }
}
