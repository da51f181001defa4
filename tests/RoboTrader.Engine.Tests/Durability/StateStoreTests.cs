using System.Buffers.Binary;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Durability;

public sealed class StateStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new("robotrader-store");

    public void Dispose() => _temp.Dispose();

    private StateStoreOptions Options(int pageSizeBits = 16) => new()
    {
        Directory = _temp.Combine("risk"),
        IndexSizeBits = 16,
        PageSizeBits = pageSizeBits,
        MemorySizeBits = 20,
        SegmentSizeBits = 22,
    };

    private static byte[] Value(long key, int version)
    {
        var value = new byte[8 + (int)(key % 40)];
        BinaryPrimitives.WriteInt64LittleEndian(value, key * 1000 + version);
        return value;
    }

    [Fact]
    public void Upsert_ThenTryRead_ReturnsTheValue()
    {
        using var store = StateStore.Open(Options());
        store.Upsert(42, [1, 2, 3]);

        Assert.True(store.TryRead(42, out var value));
        Assert.Equal([1, 2, 3], value);
        Assert.False(store.TryRead(43, out _));
    }

    [Fact]
    public void Upsert_EmptyValue_ReadsBackAsFoundAndEmpty()
    {
        using var store = StateStore.Open(Options());
        store.Upsert(9, ReadOnlySpan<byte>.Empty);
        store.Upsert(10, [10]);

        Assert.True(store.TryRead(9, out var value));
        Assert.Empty(value);
        Assert.True(store.TryRead(10, out var next));
        Assert.Equal([10], next);
    }

    [Fact]
    public void TryRead_BufferTooSmall_ReportsLengthAndCopiesNothing()
    {
        using var store = StateStore.Open(Options());
        store.Upsert(1, new byte[100]);
        var buffer = new byte[10];
        buffer.AsSpan().Fill(7);

        Assert.True(store.TryRead(1, buffer, out var length));
        Assert.Equal(100, length);
        Assert.All(buffer, b => Assert.Equal(7, b));
    }

    [Fact]
    public void Delete_ThenTryRead_NotFound()
    {
        using var store = StateStore.Open(Options());
        store.Upsert(5, [5]);
        store.Delete(5);

        Assert.False(store.TryRead(5, out _));
    }

    [Fact]
    public void Checkpoint_DisposeAndRecover_RestoresEveryKeyButNotLaterWrites()
    {
        const int keys = 10_000;
        Guid token;
        using (var store = StateStore.Open(Options()))
        {
            for (long k = 0; k < keys; k++)
                store.Upsert(k, Value(k, 1));
            store.Delete(7);
            token = store.Checkpoint();

            // After the checkpoint: must not be visible when recovering that token.
            store.Upsert(1, Value(1, 2));
            store.Upsert(keys + 1, Value(keys + 1, 1));
            store.Delete(2);
            store.Checkpoint(); // a later checkpoint flushes those writes to the log on disk
        }

        using var recovered = StateStore.Open(Options());
        Assert.False(recovered.Created);
        recovered.Recover(token);

        var buffer = new byte[64];
        for (long k = 0; k < keys; k++)
        {
            if (k == 7)
            {
                Assert.False(recovered.TryRead(k, buffer, out _));
                continue;
            }

            Assert.True(recovered.TryRead(k, buffer, out var length), $"key {k}");
            Assert.Equal(Value(k, 1), buffer[..length]);
        }

        Assert.False(recovered.TryRead(keys + 1, buffer, out _));
    }

    [Fact]
    public void TryRead_ValuesEvictedToDisk_ReadsThemBack()
    {
        // Two 4 KB pages in memory for 5,000 records of ~60 bytes: most reads go to disk (FASTER's pending path).
        var options = Options() with { PageSizeBits = 12, MemorySizeBits = 13, Directory = _temp.Combine("small") };
        using var store = StateStore.Open(options);
        for (long k = 0; k < 5000; k++)
            store.Upsert(k, Value(k, 1));

        var buffer = new byte[64];
        for (long k = 0; k < 5000; k += 7)
        {
            Assert.True(store.TryRead(k, buffer, out var length), $"key {k}");
            Assert.Equal(Value(k, 1), buffer[..length]);
        }
    }

    [Fact]
    public void Upsert_ValueLargerThanAPage_Throws()
    {
        using var store = StateStore.Open(Options());

        Assert.Throws<ArgumentException>(() => store.Upsert(1, new byte[store.MaxValueLength + 1]));
    }

    [Fact]
    public void Upsert_ValueOfMaxLength_RoundTrips()
    {
        using var store = StateStore.Open(Options());
        var value = new byte[store.MaxValueLength];
        Random.Shared.NextBytes(value);
        store.Upsert(1, value);

        Assert.True(store.TryRead(1, out var read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void Recover_UnknownToken_ThrowsCheckpointMissing()
    {
        using (var store = StateStore.Open(Options()))
        {
            store.Upsert(1, [1]);
            store.Checkpoint();
        }

        using var reopened = StateStore.Open(Options());
        var e = Assert.Throws<EngineException>(() => reopened.Recover(Guid.NewGuid()));
        Assert.Equal(ErrorCode.PersistenceCheckpointMissing, e.Error.Code);
    }

    [Fact]
    public void Recover_DamagedCheckpoint_ThrowsCorrupt()
    {
        Guid token;
        using (var store = StateStore.Open(Options()))
        {
            store.Upsert(1, [1]);
            token = store.Checkpoint();
        }

        var info = _temp.Combine("risk", "cpr-checkpoints", token.ToString(), "info.dat.0"); // FASTER stores it as a one-segment device
        Assert.True(File.Exists(info));
        File.WriteAllBytes(info, Enumerable.Repeat((byte)0x5A, (int)new FileInfo(info).Length).ToArray());

        using var reopened = StateStore.Open(Options());
        var e = Assert.Throws<EngineException>(() => reopened.Recover(token));
        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
    }

    [Fact]
    public void Open_DifferentPageSize_ThrowsMismatchNamingTheSetting()
    {
        using (StateStore.Open(Options()))
        {
        }

        var e = Assert.Throws<EngineException>(() => StateStore.Open(Options(pageSizeBits: 17)));
        Assert.Equal(ErrorCode.PersistenceSettingsMismatch, e.Error.Code);
        Assert.Contains("PageSizeBits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveCheckpointsExcept_KeepsOnlyTheGivenToken()
    {
        using var store = StateStore.Open(Options());
        store.Upsert(1, [1]);
        store.Checkpoint();
        store.Upsert(1, [2]);
        var keep = store.Checkpoint();

        store.RemoveCheckpointsExcept(keep);

        Assert.Equal([keep], store.CheckpointTokens);
    }
}
