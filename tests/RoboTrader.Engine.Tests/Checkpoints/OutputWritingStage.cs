using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Checkpoints;

/// <summary>
/// A persist-like stage for the coordinator's tests: each checkpoint appends <see cref="BytesPerCheckpoint"/> bytes to
/// an output file registered with a <see cref="FileSyncer"/>, and its state is the file's length (deferred to the
/// checkpoint, as <see cref="RoboTrader.Engine.Persistence.PersistStage"/> does).
/// </summary>
internal sealed class OutputWritingStage(FileStream output, FileSyncer syncer) : IStage, IDeferredDurability
{
    public const int BytesPerCheckpoint = 100;

    private readonly SyncedFile _synced = syncer.Register(output);

    /// <summary>The lengths recorded, one per checkpoint.</summary>
    public List<long> Recorded { get; } = [];

    /// <summary>Threads WriteState ran on.</summary>
    public List<int> Threads { get; } = [];

    public StageKind Kind => StageKind.Persist;

    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }

    public void WriteState(ref MessagePackWriter writer) => WriteState(ref writer, null);

    public void WriteState(ref MessagePackWriter writer, PendingDurability? pending)
    {
        output.Write(new byte[BytesPerCheckpoint]);
        output.Flush();
        _synced.Publish(output.Position);
        if (pending is null)
        {
            output.Flush(flushToDisk: true);
        }
        else
        {
            pending.Add(_synced, output.Position);
        }

        Recorded.Add(output.Position);
        Threads.Add(Environment.CurrentManagedThreadId);
        writer.WriteInt64(output.Position);
    }

    public void ReadState(ref MessagePackReader reader) => CheckpointState.ReadInt64(ref reader);
}
