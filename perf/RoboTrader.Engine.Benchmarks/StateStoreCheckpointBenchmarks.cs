using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// <see cref="StateStore"/> with 1,000,000 keys of 32-byte values: a checkpoint after 10,000 updates, i.e. what a stage
/// pays at a barrier (version flip plus waiting for the fold-over flush).
/// </summary>
[MemoryDiagnoser]
public class StateStoreCheckpointBenchmarks
{
    private const int Keys = 1_000_000;
    private const int UpdatesPerCheckpoint = 10_000;

    private readonly byte[] _value = new byte[32];
    private string _directory = null!;
    private StateStore _store = null!;
    private long _next;

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
        _directory = Path.Combine(Path.GetTempPath(), $"robotrader-bench-store-{Guid.NewGuid():N}");
        _store = StateStore.Open(Options);
        for (long k = 0; k < Keys; k++)
            _store.Upsert(k, _value);
        _store.Checkpoint();
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Target = nameof(CheckpointAfter10kUpdates))]
    public void UpdateSome()
    {
        for (var i = 0; i < UpdatesPerCheckpoint; i++)
            _store.Upsert(_next++ % Keys, _value);
    }

    [Benchmark]
    public Guid CheckpointAfter10kUpdates() => _store.Checkpoint();
}
