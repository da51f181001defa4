using RoboTrader.Engine.Diagnostics;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// Where a checkpoint's time goes (nanoseconds), for the durability benchmark: the stage threads' stall, and the parts
/// that complete it off those threads.
/// </summary>
/// <remarks>
/// <see cref="Stall"/> and its parts are recorded by the stage threads (under the stall's lock); the others by the
/// completion thread only.
/// Read them after the run.
/// </remarks>
public sealed class CheckpointMetrics
{
    /// <summary>Each stage group's stall of its own thread at a checkpoint: writing its state and starting its stores' checkpoints.</summary>
    public LatencyHistogram Stall { get; } = new();

    /// <summary>Part of the stall: waiting for a store's previous checkpoint to complete (checkpoints closer than the disk takes them).</summary>
    public LatencyHistogram StallStoreBusy { get; } = new();

    /// <summary>Part of the stall: stages writing their state (persist flushing its files to the operating system).</summary>
    public LatencyHistogram StallWriteState { get; } = new();

    /// <summary>Part of the stall: the state into the store and FASTER's version flip.</summary>
    public LatencyHistogram StallStore { get; } = new();

    /// <summary>Each store's fold-over checkpoint, from the stall's end until FASTER reports it durable.</summary>
    public LatencyHistogram StoreFlush { get; } = new();

    /// <summary>Each group's waits for the outputs its state names (files synced up to their lengths, the ledger's commit).</summary>
    public LatencyHistogram Outputs { get; } = new();

    /// <summary>The wait for the journal's commit of the checkpoint's frame.</summary>
    public LatencyHistogram JournalCommit { get; } = new();

    /// <summary>Writing the manifest (temporary file, fsync, rename, folder fsync).</summary>
    public LatencyHistogram Manifest { get; } = new();

    /// <summary>From the first group's stall to the manifest being durable: how long a checkpoint takes to count.</summary>
    public LatencyHistogram Latency { get; } = new();

    internal void RecordStall(long nanos, long storeBusy, long writeState, long store)
    {
        lock (Stall)
        {
            Stall.Record(nanos); // groups record from their own threads
            StallStoreBusy.Record(storeBusy);
            StallWriteState.Record(writeState);
            StallStore.Record(store);
        }
    }
}
