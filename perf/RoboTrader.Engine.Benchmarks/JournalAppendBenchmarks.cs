using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// <see cref="InputJournal.Append"/> of 64-byte records, with group commit every 1,024 records and with one commit per
/// invocation (the plain enqueue rate). Each invocation appends 1,000,000 records to the same journal and waits until
/// its last commit is durable; "ns/op" is per record. The journal is filled once in setup so that its in-memory pages
/// are already allocated (steady state), and truncated after each iteration so the disk use stays bounded.
/// </summary>
[MemoryDiagnoser]
public class JournalAppendBenchmarks
{
    private const int Records = 1_000_000;
    private const int RecordSize = 64;

    private readonly byte[] _record = new byte[RecordSize];
    private string _directory = null!;
    private InputJournal _journal = null!;
    private long _sequence;

    [Params(1024, int.MaxValue)]
    public int CommitEveryRecords { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"robotrader-bench-journal-{Guid.NewGuid():N}");
        Random.Shared.NextBytes(_record);
        _journal = InputJournal.Open(new InputJournalOptions
        {
            Directory = _directory,
            PageSizeBits = 22,
            MemorySizeBits = 26,
            SegmentSizeBits = 28,
            CommitEveryRecords = CommitEveryRecords,
            CommitInterval = TimeSpan.FromHours(1),
        });
        Append64ByteRecords(); // fills the 64 MB of in-memory pages once
    }

    [IterationCleanup]
    public void IterationCleanup() => _journal.TruncateUntil(_journal.CommittedUntilAddress);

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _journal.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Append64ByteRecords()
    {
        var journal = _journal;
        var record = _record;
        var sequence = _sequence;
        for (var i = 0; i < Records; i++)
            journal.Append(++sequence, record);
        journal.Commit(sequence);
        journal.WaitForCommit(sequence);
        _sequence = sequence;
        return journal.CommittedUntilAddress;
    }
}
