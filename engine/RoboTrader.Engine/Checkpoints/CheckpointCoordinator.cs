using System.Buffers;
using System.Globalization;
using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Supervision;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// Writes checkpoints into a run's state folder and reads them back. When a stage group has handled a frame stamped
/// with a checkpoint id, each of its stages writes its state (and its fault count) to
/// <c>checkpoints/&lt;id&gt;/&lt;stage&gt;.msgpack</c>; when the last group has, and the input journal has durably
/// committed that frame, the manifest <c>checkpoint.json</c> is replaced atomically and older checkpoints removed.
/// </summary>
/// <remarks>
/// Called on the stage threads: a group writes before its sequence moves past the stamped frame, so the later groups
/// (and the manifest) always come after the earlier groups' files.
/// </remarks>
public sealed class CheckpointCoordinator
{
    /// <summary>The manifest's file name in the state folder.</summary>
    public const string ManifestFileName = "checkpoint.json";

    /// <summary>The checkpoints' subfolder.</summary>
    public const string CheckpointsFolder = "checkpoints";

    private readonly string _root;
    private readonly InputJournal? _journal;
    private readonly string _settings;
    private long _completed;

    /// <summary>Creates the coordinator.</summary>
    /// <param name="stateDirectory">The run's state folder.</param>
    /// <param name="journal">The input journal a checkpoint waits for (none: no wait).</param>
    /// <param name="settings">The run's result-relevant options, recorded in the manifest.</param>
    public CheckpointCoordinator(string stateDirectory, InputJournal? journal, string settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        ArgumentNullException.ThrowIfNull(settings);
        _root = stateDirectory;
        _journal = journal;
        _settings = settings;
    }

    /// <summary>Checkpoints completed by this run.</summary>
    public long Completed => Volatile.Read(ref _completed);

    /// <summary>Reads the manifest of <paramref name="stateDirectory"/>, or null when it has none.</summary>
    public static CheckpointRecord? ReadManifest(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, ManifestFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        return JsonSerializer.Deserialize<CheckpointRecord>(File.ReadAllBytes(path))
            ?? throw new EngineException(ErrorCode.PersistenceCorrupt, $"checkpoint manifest '{path}' is empty");
    }

    /// <summary>Restores every checkpointable stage (and its fault count) from checkpoint <paramref name="record"/>.</summary>
    /// <exception cref="EngineException">A stage's state is missing or malformed.</exception>
    public void Restore(CheckpointRecord record, IEnumerable<StageSupervisor> stages)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var supervisor in stages)
        {
            if (supervisor.Stage is not ICheckpointable stage)
            {
                continue;
            }

            var path = StatePath(record.Id, supervisor);
            if (!File.Exists(path))
            {
                throw new EngineException(ErrorCode.PersistenceCheckpointMissing, $"checkpoint {record.Id} has no state for stage {supervisor.Stage.Kind} ('{path}')");
            }

            var reader = new MessagePackReader(File.ReadAllBytes(path));
            supervisor.RestoreFaults(CheckpointState.ReadInt64(ref reader));
            stage.ReadState(ref reader);
            if (!reader.End)
            {
                throw new EngineException(ErrorCode.PersistenceCorrupt, $"checkpoint state '{path}' has trailing bytes");
            }
        }
    }

    /// <summary>A stage group has handled the frame stamped <paramref name="id"/> at <paramref name="sequence"/>.</summary>
    /// <param name="group">The group's stages.</param>
    /// <param name="id">The checkpoint id.</param>
    /// <param name="sequence">The frame's sequence.</param>
    /// <param name="last">True for the last group: completes the checkpoint.</param>
    /// <remarks>The group's thread. Blocks on disk writes (a checkpoint is rare).</remarks>
    public void OnGroupHandled(IReadOnlyList<StageSupervisor> group, long id, long sequence, bool last)
    {
        ArgumentNullException.ThrowIfNull(group);
        AtomicFile.CreateDirectory(Path.Combine(_root, CheckpointsFolder));
        AtomicFile.CreateDirectory(Folder(id));
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var supervisor in group)
        {
            if (supervisor.Stage is not ICheckpointable stage)
            {
                continue;
            }

            buffer.ResetWrittenCount();
            var writer = new MessagePackWriter(buffer);
            writer.WriteInt64(supervisor.Faults);
            stage.WriteState(ref writer);
            writer.Flush();
            AtomicFile.Write(StatePath(id, supervisor), buffer.WrittenSpan);
        }

        if (!last)
        {
            return;
        }

        // WARNING: the manifest may name sequence S only once the journal holds every input up to S durably.
        _journal?.WaitForCommit(sequence);
        AtomicFile.Write(Path.Combine(_root, ManifestFileName), JsonSerializer.SerializeToUtf8Bytes(new CheckpointRecord(id, sequence, _settings)));
        RemoveOlderThan(id);
        Interlocked.Increment(ref _completed);
    }

    private void RemoveOlderThan(long id)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(_root, CheckpointsFolder)))
        {
            if (long.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var other) && other < id)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private string Folder(long id) => Path.Combine(_root, CheckpointsFolder, id.ToString(CultureInfo.InvariantCulture));

    private string StatePath(long id, StageSupervisor supervisor)
        => Path.Combine(Folder(id), supervisor.Stage.Kind.ToString().ToLowerInvariant() + ".msgpack");
}
