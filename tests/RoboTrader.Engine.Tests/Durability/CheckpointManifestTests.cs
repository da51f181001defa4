using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Durability;

public sealed class CheckpointManifestTests : IDisposable
{
    private readonly TempDirectory _temp = new("robotrader-manifest");

    public void Dispose() => _temp.Dispose();

    private static CheckpointManifest Sample(long id) => new(
        CheckpointId: id,
        Sequence: 1000 * id,
        JournalAddress: 4096 * id,
        StoreTokens: new Dictionary<string, Guid> { ["risk"] = Guid.NewGuid(), ["decide"] = Guid.NewGuid() },
        StoreSettings: new Dictionary<string, StateStoreSettings> { ["risk"] = new(1, 16, 16, 22), ["decide"] = new(1, 18, 20, 30) },
        OutputLengths: new Dictionary<string, long> { ["ledger.msgpack"] = 123_456 * id });

    private static void AssertSame(CheckpointManifest expected, CheckpointManifest actual)
    {
        Assert.Equal(expected.CheckpointId, actual.CheckpointId);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.JournalAddress, actual.JournalAddress);
        Assert.Equal(expected.StoreTokens.OrderBy(p => p.Key), actual.StoreTokens.OrderBy(p => p.Key));
        Assert.Equal(expected.StoreSettings.OrderBy(p => p.Key), actual.StoreSettings.OrderBy(p => p.Key));
        Assert.Equal(expected.OutputLengths.OrderBy(p => p.Key), actual.OutputLengths.OrderBy(p => p.Key));
    }

    [Fact]
    public void TryRead_NoManifest_ReturnsFalse()
    {
        Assert.False(CheckpointManifest.TryRead(_temp.Path, out _));
    }

    [Fact]
    public void Write_ThenTryRead_RoundTrips()
    {
        var manifest = Sample(1);
        manifest.Write(_temp.Path);

        Assert.True(CheckpointManifest.TryRead(_temp.Path, out var read));
        AssertSame(manifest, read);
        Assert.False(File.Exists(_temp.Combine(CheckpointManifest.FileName + ".tmp")));
    }

    [Fact]
    public void Write_Twice_LastOneWins()
    {
        Sample(1).Write(_temp.Path);
        var second = Sample(2);
        second.Write(_temp.Path);

        Assert.True(CheckpointManifest.TryRead(_temp.Path, out var read));
        AssertSame(second, read);
    }

    [Fact]
    public void TryRead_TornTempFileBesideManifest_ReturnsThePreviousManifest()
    {
        var first = Sample(1);
        first.Write(_temp.Path);
        // A crash in the middle of the next write leaves half a temporary file.
        File.WriteAllText(_temp.Combine(CheckpointManifest.FileName + ".tmp"), "{\"CheckpointId\": 2, \"Seq");

        Assert.True(CheckpointManifest.TryRead(_temp.Path, out var read));
        AssertSame(first, read);
    }

    [Fact]
    public void TryRead_TornTempFileOnly_ReturnsFalse()
    {
        File.WriteAllText(_temp.Combine(CheckpointManifest.FileName + ".tmp"), "{\"CheckpointId\": 1, ");

        Assert.False(CheckpointManifest.TryRead(_temp.Path, out _));
    }

    [Fact]
    public void TryRead_DamagedManifest_ThrowsCorrupt()
    {
        File.WriteAllText(_temp.Combine(CheckpointManifest.FileName), "{ not json");

        var e = Assert.Throws<EngineException>(() => CheckpointManifest.TryRead(_temp.Path, out _));
        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
    }

    [Fact]
    public void RemoveOlderCheckpoints_KeepsOnlyTheManifestsTokens()
    {
        using var store = StateStore.Open(new StateStoreOptions
        {
            Directory = _temp.Combine("risk"),
            IndexSizeBits = 12,
            PageSizeBits = 14,
            MemorySizeBits = 16,
            SegmentSizeBits = 18,
        });
        store.Upsert(1, [1]);
        store.Checkpoint();
        store.Upsert(1, [2]);
        var latest = store.Checkpoint();
        var manifest = Sample(3) with { StoreTokens = new Dictionary<string, Guid> { ["risk"] = latest } };
        manifest.Write(_temp.Path);

        manifest.RemoveOlderCheckpoints(new Dictionary<string, StateStore> { ["risk"] = store });

        Assert.Equal([latest], store.CheckpointTokens);
    }
}
