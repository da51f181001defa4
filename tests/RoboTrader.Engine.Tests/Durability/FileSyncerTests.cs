using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Durability;

public sealed class FileSyncerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private FileStream Create(string name) => new(_temp.Combine(name), FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 4096);

    [Fact]
    public void Register_SyncsTheFilesFolder_AndCountsBytesAlreadyWrittenAsPublished()
    {
        var sync = new RecordingFileSync();
        using var syncer = new FileSyncer(TimeSpan.FromSeconds(30), sync);
        using var stream = Create("a.csv");
        stream.Write("header\n"u8);

        var file = syncer.Register(stream);

        Assert.Equal(7, file.Published);
        Assert.Equal(0, file.Durable);
        Assert.Equal([_temp.Path], sync.Directories);
    }

    [Fact]
    public void WaitDurable_PublishedBytes_SyncedOffTheCallersThreadThenReturns()
    {
        var sync = new RecordingFileSync();
        using var syncer = new FileSyncer(TimeSpan.FromSeconds(30), sync); // no pass is due: the wait asks for one
        using var stream = Create("a.csv");
        var file = syncer.Register(stream);
        stream.Write(new byte[1000]);
        stream.Flush();
        file.Publish(stream.Position);

        syncer.WaitDurable(file, 1000);

        Assert.Equal(1000, file.Durable);
        var call = Assert.Single(sync.Calls);
        Assert.Equal(_temp.Combine("a.csv"), call.Path);
        Assert.Equal(1000, call.Length);
        Assert.NotEqual(Environment.CurrentManagedThreadId, call.ThreadId);
    }

    [Fact]
    public void WaitDurable_NothingPublishedSinceTheLastSync_ReturnsWithoutSyncing()
    {
        var sync = new RecordingFileSync();
        using var syncer = new FileSyncer(TimeSpan.FromSeconds(30), sync);
        using var stream = Create("a.csv");
        var file = syncer.Register(stream);
        stream.Write(new byte[10]);
        stream.Flush();
        file.Publish(10);
        syncer.WaitDurable(file, 10);
        var syncs = syncer.Syncs;

        syncer.WaitDurable(file, 10);
        syncer.WaitDurable(file, 4);

        Assert.Equal(syncs, syncer.Syncs);
        Assert.Single(sync.Calls);
    }

    [Fact]
    public void WaitDurable_SyncFails_ThrowsNamingTheFile_AndEveryLaterWaitThrowsToo()
    {
        var sync = new RecordingFileSync { FailWith = new IOException("fdatasync failed: errno 5") };
        using var syncer = new FileSyncer(TimeSpan.FromSeconds(30), sync);
        using var stream = Create("fills.csv");
        var file = syncer.Register(stream);
        stream.Write(new byte[10]);
        stream.Flush();
        file.Publish(10);

        var first = Assert.Throws<EngineException>(() => syncer.WaitDurable(file, 10));
        sync.FailWith = null; // a later sync would succeed, but the data of the failed one may be gone
        stream.Write(new byte[10]);
        stream.Flush();
        file.Publish(20);
        var second = Assert.Throws<EngineException>(() => syncer.WaitDurable(file, 20));

        Assert.Equal(ErrorCode.PersistenceWriteFailed, first.Error.Code);
        Assert.Contains("fills.csv", first.Message);
        Assert.Contains("errno 5", first.Message);
        Assert.Equal(ErrorCode.PersistenceWriteFailed, second.Error.Code);
        Assert.Equal(0, file.Durable);
        Assert.NotNull(syncer.Failure);
    }

    [Fact]
    public void Reset_WhileASyncOfTheOldLengthRuns_DurableStaysAtTheResetLength()
    {
        var sync = new RecordingFileSync();
        using var syncer = new FileSyncer(TimeSpan.FromSeconds(30), sync);
        using var stream = Create("a.csv");
        var file = syncer.Register(stream);
        stream.Write(new byte[100]);
        stream.Flush();
        file.Publish(100);
        sync.Close();
        var waiter = Task.Run(() => syncer.WaitDurable(file, 100)); // the pass reads 100 and is held in the sync
        SpinWait.SpinUntil(() => sync.Entered > 0);

        stream.SetLength(40);
        file.Reset(40);
        sync.Open();

        Assert.Throws<InvalidOperationException>(() => waiter.GetAwaiter().GetResult()); // 100 is no longer published
        Assert.Equal(40, file.Durable);
        Assert.Equal(40, file.Published);
    }

    [Fact]
    public void Constructor_IntervalOutOfRange_IsAConfigurationError()
    {
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new FileSyncer(TimeSpan.Zero)).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new FileSyncer(TimeSpan.FromMinutes(2))).Error.Code);
    }
}
