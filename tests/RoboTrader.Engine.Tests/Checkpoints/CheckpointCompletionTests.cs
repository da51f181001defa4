using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Supervision;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Checkpoints;

/// <summary>
/// The coordinator completes checkpoints off the stage thread: the stage's call returns after its state is written,
/// and the manifest is replaced only once what the state names is durable — never before, never after a failure.
/// </summary>
public sealed class CheckpointCompletionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string State => _temp.Combine("state");

    private (CheckpointCoordinator Coordinator, StageSupervisor[] Group, OutputWritingStage Stage, FileSyncer Syncer, FileStream Output) Build(RecordingFileSync sync)
    {
        Directory.CreateDirectory(_temp.Combine("out"));
        var output = new FileStream(_temp.Combine("out", "fills.csv"), FileMode.Create, FileAccess.Write, FileShare.Read, 4096);
        var syncer = new FileSyncer(TimeSpan.FromSeconds(30), sync); // passes only when a checkpoint waits
        var stage = new OutputWritingStage(output, syncer);
        var group = new[] { new StageSupervisor(stage, FaultPolicy.HaltTrading, new KillSwitch()) };
        var coordinator = new CheckpointCoordinator(State, journal: null, settings: "test");
        coordinator.OpenStores(group);
        return (coordinator, group, stage, syncer, output);
    }

    [Fact]
    public void OnGroupHandled_ManifestReplacedOnlyAfterTheRecordedLengthIsDurable_AndNoSyncOnTheStageThread()
    {
        var sync = new RecordingFileSync { Probe = () => CheckpointManifest.TryRead(State, out _) };
        var (coordinator, group, stage, syncer, output) = Build(sync);
        using (output)
        using (syncer)
        using (coordinator)
        {
            coordinator.OnGroupHandled(group, id: 1, sequence: 99, last: true);
            coordinator.OnGroupHandled(group, id: 2, sequence: 199, last: true);
            coordinator.Drain();

            var manifest = CheckpointCoordinator.ReadManifest(State)!;
            Assert.Equal(2, manifest.CheckpointId);
            Assert.Equal(199, manifest.Sequence);
            Assert.Equal(2, coordinator.Completed);
            Assert.Equal([100L, 200L], stage.Recorded);
            var stageThread = Environment.CurrentManagedThreadId;
            Assert.Equal([stageThread, stageThread], stage.Threads);
            Assert.All(sync.Calls, c => Assert.NotEqual(stageThread, c.ThreadId));
            // The sync that first covered each recorded length ended before any manifest named it: checkpoint 1's
            // before there was a manifest at all.
            var first = sync.Calls.First(c => c.Length >= 100);
            Assert.False(first.ProbeAtEnd, "a manifest existed before checkpoint 1's bytes were durable");
        }
    }

    [Fact]
    public void OnGroupHandled_SyncHeld_ReturnsAndTheManifestWaits_ThenReleasedTheCheckpointCompletes()
    {
        var sync = new RecordingFileSync();
        var (coordinator, group, _, syncer, output) = Build(sync);
        using (output)
        using (syncer)
        using (coordinator)
        {
            sync.Close();
            coordinator.OnGroupHandled(group, id: 1, sequence: 99, last: true); // returns with the sync held
            SpinWait.SpinUntil(() => sync.Entered > 0); // the completion thread is waiting on the sync

            Assert.Null(CheckpointCoordinator.ReadManifest(State));
            Assert.Equal(0, coordinator.Completed);

            sync.Open();
            coordinator.Drain();

            Assert.Equal(1, CheckpointCoordinator.ReadManifest(State)!.CheckpointId);
            Assert.Equal(1, coordinator.Completed);
        }
    }

    [Fact]
    public void OnGroupHandled_BackgroundSyncFails_ManifestKeepsThePreviousCheckpoint_AndTheErrorSurfaces()
    {
        var sync = new RecordingFileSync();
        var (coordinator, group, _, syncer, output) = Build(sync);
        using (output)
        using (syncer)
        using (coordinator)
        {
            coordinator.OnGroupHandled(group, id: 1, sequence: 99, last: true);
            coordinator.Drain();
            sync.FailWith = new IOException("fdatasync('fills.csv') failed: errno 5");

            coordinator.OnGroupHandled(group, id: 2, sequence: 199, last: true); // the stage thread is not held up
            var drained = Assert.Throws<EngineException>(coordinator.Drain);
            var next = Assert.Throws<EngineException>(() => coordinator.OnGroupHandled(group, id: 3, sequence: 299, last: true));

            Assert.Equal(ErrorCode.PersistenceWriteFailed, drained.Error.Code);
            Assert.Contains("checkpoint 2 could not be made durable, so the manifest still names checkpoint 1", drained.Message);
            Assert.Contains("fills.csv", drained.Message);
            Assert.Contains("errno 5", drained.Message);
            Assert.Equal(drained.Message, next.Message);
            var manifest = CheckpointCoordinator.ReadManifest(State)!;
            Assert.Equal(1, manifest.CheckpointId);
            Assert.Equal(99, manifest.Sequence);
            Assert.Equal(1, coordinator.Completed);
        }
    }

    [Fact]
    public void OnGroupHandled_FirstGroupsPartAlone_DoesNotReplaceTheManifest()
    {
        var sync = new RecordingFileSync();
        var (coordinator, group, _, syncer, output) = Build(sync);
        using (output)
        using (syncer)
        using (coordinator)
        {
            coordinator.OnGroupHandled(group, id: 1, sequence: 99, last: false); // a later group has not handled it
            coordinator.Drain();

            Assert.Null(CheckpointCoordinator.ReadManifest(State));
            Assert.Equal(0, coordinator.Completed);
        }
    }

    [Fact]
    public void OnGroupHandled_FirstGroupThreeCheckpointsAhead_EveryManifestNamesCheckpointsStillOnDisk()
    {
        // The producer thread's group (or any group but the last) runs up to a ring's worth of frames ahead of the last
        // group: with checkpoints closer together than that, its store must keep every checkpoint a manifest still to
        // come will name, and drop them only once a newer manifest is durable.
        var sync = new RecordingFileSync();
        var (coordinator, last, _, syncer, output) = Build(sync);
        var registry = new Engine.Ingest.SourceRegistry();
        registry.Freeze();
        var first = new[] { new StageSupervisor(new Engine.Parsing.ParseStage(registry), FaultPolicy.SkipAndRecord, new KillSwitch()) };
        using (output)
        using (syncer)
        using (coordinator)
        {
            coordinator.OpenStores(first);
            for (var id = 1; id <= 3; id++)
            {
                coordinator.OnGroupHandled(first, id, sequence: (id * 100) - 1, last: false);
            }

            var named = new List<Guid>();
            for (var id = 1; id <= 3; id++)
            {
                coordinator.OnGroupHandled(last, id, sequence: (id * 100) - 1, last: true);
                coordinator.Drain();

                var manifest = CheckpointCoordinator.ReadManifest(State)!;
                Assert.Equal(id, manifest.CheckpointId);
                named.Add(manifest.StoreTokens["parse"]);
                Assert.True(Directory.Exists(ParseCheckpoint(named[^1])), $"manifest {id} names a parse checkpoint that was removed");
            }

            Assert.Equal(3, named.Distinct().Count());
            Assert.False(Directory.Exists(ParseCheckpoint(named[0])), "a checkpoint no manifest can name any more is removed");
            Assert.False(Directory.Exists(ParseCheckpoint(named[1])), "a checkpoint no manifest can name any more is removed");
        }

        string ParseCheckpoint(Guid token) => Path.Combine(State, CheckpointCoordinator.StoresFolder, "parse", "cpr-checkpoints", token.ToString());
    }
}
