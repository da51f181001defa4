using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>Opening a <see cref="StateStore"/> of 1,000,000 keys (32-byte values) and recovering its checkpoint.</summary>
[MemoryDiagnoser]
public class StateStoreRecoverBenchmarks
{
    private const int Keys = 1_000_000;

    private string _directory = null!;
    private Guid _token;

    private StateStoreOptions Options => new()
    {
        Directory = _directory,
        IndexSizeBits = 24,
        PageSizeBits = 22,
        MemorySizeBits = 28,
        SegmentSizeBits = 30,
    };

    [GlobalSetup]
    public void GlobalSetup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"robotrader-bench-recover-{Guid.NewGuid():N}");
        var value = new byte[32];
        using var store = StateStore.Open(Options);
        for (long k = 0; k < Keys; k++)
            store.Upsert(k, value);
        _token = store.Checkpoint();
    }

    [GlobalCleanup]
    public void GlobalCleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public bool OpenAndRecover1MKeys()
    {
        using var store = StateStore.Open(Options);
        store.Recover(_token);
        return store.TryRead(Keys - 1, stackalloc byte[32], out _);
    }
}
