using System.Buffers.Binary;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Durability;

public sealed class InputJournalTests : IDisposable
{
    /// <summary>A generous bound that only turns a hang into a failure; nothing asserts on time.</summary>
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _temp = new("robotrader-journal");

    public void Dispose() => _temp.Dispose();

    private InputJournalOptions Options(int commitEvery = 1024, int pageSizeBits = 16) => new()
    {
        Directory = _temp.Combine("journal"),
        PageSizeBits = pageSizeBits,
        MemorySizeBits = 20,
        SegmentSizeBits = 22,
        CommitEveryRecords = commitEvery,
        CommitInterval = TimeSpan.FromHours(1),
    };

    private static byte[] Record(long sequence)
    {
        var record = new byte[64];
        BinaryPrimitives.WriteInt64LittleEndian(record, sequence);
        record.AsSpan(8).Fill((byte)sequence);
        return record;
    }

    private static long SequenceOf(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadInt64LittleEndian(record);

    [Fact]
    public void Open_EmptyFolder_CreatesJournalWithNothingCommitted()
    {
        using var journal = InputJournal.Open(Options());

        Assert.True(journal.Created);
        Assert.Equal(-1, journal.RecoveredSequence);
        Assert.Equal(-1, journal.CommittedSequence);
        Assert.Empty(journal.ReadFrom(journal.BeginAddress));
        Assert.True(InputJournal.Exists(journal.Options.Directory));
    }

    [Fact]
    public void Close_ThenReopen_ReturnsAllRecordsAndTheLastSequence()
    {
        using (var journal = InputJournal.Open(Options(commitEvery: 100)))
        {
            for (long s = 1; s <= 1000; s++)
                journal.Append(s, Record(s));
            journal.Close();
        }

        using var reopened = InputJournal.Open(Options(commitEvery: 100));
        Assert.False(reopened.Created);
        Assert.Equal(1000, reopened.RecoveredSequence);
        Assert.Equal(1000, reopened.CommittedSequence);
        var records = reopened.ReadFrom(reopened.BeginAddress).ToList();
        Assert.Equal(1000, records.Count);
        for (var i = 0; i < records.Count; i++)
            Assert.Equal(Record(i + 1), records[i].Payload);
    }

    [Fact]
    public void Dispose_WithoutClose_ReopenHasExactlyTheCommittedPrefix()
    {
        // An abrupt stop: commit 500 records, append 250 more that are never committed, dispose without Close.
        using (var journal = InputJournal.Open(Options(commitEvery: int.MaxValue)))
        {
            for (long s = 1; s <= 500; s++)
                journal.Append(s, Record(s));
            journal.Commit(500);
            Assert.True(journal.WaitForCommit(500, s_hang));
            for (long s = 501; s <= 750; s++)
                journal.Append(s, Record(s));
        }

        using var reopened = InputJournal.Open(Options(commitEvery: int.MaxValue));
        Assert.Equal(500, reopened.RecoveredSequence);
        var sequences = reopened.ReadFrom(reopened.BeginAddress).Select(r => SequenceOf(r.Payload)).ToList();
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), sequences);
    }

    [Fact]
    public void Append_AfterReopen_ContinuesAfterTheCommittedPrefix()
    {
        using (var journal = InputJournal.Open(Options()))
        {
            journal.Append(1, Record(1));
            journal.Close();
        }

        using (var journal = InputJournal.Open(Options()))
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => journal.Append(1, Record(1)));
            journal.Append(2, Record(2));
            journal.Close();
        }

        using var last = InputJournal.Open(Options());
        Assert.Equal(2, last.RecoveredSequence);
        Assert.Equal([1L, 2L], last.ReadFrom(last.BeginAddress).Select(r => SequenceOf(r.Payload)));
    }

    [Fact]
    public void Append_GroupCommitEveryN_CommitsWithoutAnExplicitCall()
    {
        using var journal = InputJournal.Open(Options(commitEvery: 10));
        for (long s = 1; s <= 25; s++)
            journal.Append(s, Record(s));

        Assert.True(journal.WaitForCommit(20, s_hang));
        Assert.True(journal.CommittedSequence >= 20);
        Assert.Equal(20, journal.ReadFrom(journal.BeginAddress).Count());
    }

    [Fact]
    public void WaitForCommit_OnAnotherThread_ReturnsOnceTheJournalThreadCommits()
    {
        using var journal = InputJournal.Open(Options(commitEvery: int.MaxValue));
        var waiter = new Thread(() => journal.WaitForCommit(3)) { IsBackground = true };
        waiter.Start();
        for (long s = 1; s <= 3; s++)
            journal.Append(s, Record(s));

        journal.Commit(3);

        Assert.True(waiter.Join(s_hang));
        Assert.True(journal.CommittedSequence >= 3);
    }

    [Fact]
    public void Append_EmptyRecord_Throws()
    {
        // FASTER would read the zero length as end-of-page padding and hide the rest of the page from scans.
        using var journal = InputJournal.Open(Options());

        Assert.Throws<ArgumentException>(() => journal.Append(1, ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Append_RecordOfMaxLength_RoundTripsAndOneByteMoreThrows()
    {
        using var journal = InputJournal.Open(Options());
        var big = new byte[journal.MaxRecordLength];
        Random.Shared.NextBytes(big);

        Assert.Throws<ArgumentException>(() => journal.Append(1, new byte[journal.MaxRecordLength + 1]));
        journal.Append(1, Record(1));
        journal.Append(2, big);
        journal.Append(3, Record(3));
        journal.Commit(3);
        journal.WaitForCommit(3);

        var records = journal.ReadFrom(0).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal(big, records[1].Payload);
        Assert.Equal(Record(3), records[2].Payload);
    }

    [Fact]
    public void Commit_BelowTheLastAppended_Throws()
    {
        using var journal = InputJournal.Open(Options());
        journal.Append(5, Record(5));

        Assert.Throws<ArgumentOutOfRangeException>(() => journal.Commit(4));
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsConfigurationInvalid()
    {
        var e = Assert.Throws<EngineException>(() => InputJournal.Open(Options() with { MemorySizeBits = 16 }));
        Assert.Equal(ErrorCode.ConfigurationInvalid, e.Error.Code);
        Assert.Contains("MemorySizeBits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitIfDue_CommitBeforeExecute_CommitsTheLastAppended()
    {
        using var journal = InputJournal.Open(Options() with { Mode = DurabilityMode.CommitBeforeExecute });
        journal.Append(7, Record(7));

        Assert.True(journal.CommitIfDue());
        journal.WaitForCommit(7);
        Assert.Equal(7, journal.CommittedSequence);
        Assert.False(journal.CommitIfDue());
    }

    [Fact]
    public void Open_DifferentPageSize_ThrowsMismatchNamingTheSetting()
    {
        using (var journal = InputJournal.Open(Options()))
        {
            journal.Append(1, Record(1));
            journal.Close();
        }

        var e = Assert.Throws<EngineException>(() => InputJournal.Open(Options(pageSizeBits: 17)));
        Assert.Equal(ErrorCode.PersistenceSettingsMismatch, e.Error.Code);
        Assert.Contains("PageSizeBits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnreadableCommitRecords_ThrowsCorruptInsteadOfStartingEmpty()
    {
        using (var journal = InputJournal.Open(Options()))
        {
            for (long s = 1; s <= 10; s++)
                journal.Append(s, Record(s));
            journal.Close();
        }

        var commits = Directory.GetFiles(_temp.Combine("journal", "log-commits"));
        Assert.NotEmpty(commits);
        foreach (var file in commits)
            File.WriteAllBytes(file, Enumerable.Repeat((byte)0xA5, (int)new FileInfo(file).Length).ToArray());

        var e = Assert.Throws<EngineException>(() => InputJournal.Open(Options()));
        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
    }

    [Fact]
    public void Open_DataWithoutSettingsFile_ThrowsCorrupt()
    {
        using (var journal = InputJournal.Open(Options()))
        {
            journal.Append(1, Record(1));
            journal.Close();
        }

        File.Delete(_temp.Combine("journal", "journal.settings.json"));

        var e = Assert.Throws<EngineException>(() => InputJournal.Open(Options()));
        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
    }

    [Fact]
    public void Scan_DamagedRecordOnAFlushedPage_ThrowsCorrupt()
    {
        // FASTER verifies per-entry checksums only on pages the scan reads from disk; recovery loads the last (partly
        // filled) page into memory, so the damage goes in the first of several full 64 KB pages.
        using (var journal = InputJournal.Open(Options()))
        {
            for (long s = 1; s <= 3000; s++)
                journal.Append(s, Record(s));
            journal.Close();
        }

        // Flip a payload byte of the fifth record in the first segment file (records are 12-byte header + 64 bytes).
        var segment = _temp.Combine("journal", "journal.log.0");
        using (var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite))
        {
            var offset = 64 + (4 * 76) + 12 + 20;
            stream.Position = offset;
            var b = stream.ReadByte();
            stream.Position = offset;
            stream.WriteByte((byte)(b ^ 0xFF));
        }

        using var reopened = InputJournal.Open(Options());
        var visitor = new CountingVisitor();
        var e = Assert.Throws<EngineException>(() => reopened.Scan(reopened.BeginAddress, ref visitor));
        Assert.Equal(ErrorCode.PersistenceCorrupt, e.Error.Code);
    }

    [Fact]
    public void Scan_FromAnAddress_VisitsThatRecordAndTheRest()
    {
        using var journal = InputJournal.Open(Options());
        var addresses = new long[100];
        for (long s = 1; s <= 100; s++)
            addresses[s - 1] = journal.Append(s, Record(s));
        journal.Commit(100);
        journal.WaitForCommit(100);

        var visitor = new CountingVisitor();
        var resume = journal.Scan(addresses[60], ref visitor);

        Assert.Equal(40, visitor.Count);
        Assert.Equal(61, visitor.First);
        Assert.Equal(100, visitor.Last);
        Assert.Equal(journal.CommittedUntilAddress, resume);
    }

    [Fact]
    public void Scan_VisitorStops_ReturnsAddressToResumeFrom()
    {
        using var journal = InputJournal.Open(Options());
        for (long s = 1; s <= 10; s++)
            journal.Append(s, Record(s));
        journal.Commit(10);
        journal.WaitForCommit(10);

        var first = new CountingVisitor { StopAfter = 3 };
        var resume = journal.Scan(journal.BeginAddress, ref first);
        var rest = new CountingVisitor();
        journal.Scan(resume, ref rest);

        Assert.Equal(3, first.Last);
        Assert.Equal(4, rest.First);
        Assert.Equal(7, rest.Count);
    }

    [Fact]
    public void TruncateUntil_ThenCommitAndReopen_DropsEarlierRecords()
    {
        using (var journal = InputJournal.Open(Options()))
        {
            var addresses = new long[20];
            for (long s = 1; s <= 20; s++)
                addresses[s - 1] = journal.Append(s, Record(s));
            journal.TruncateUntil(addresses[10]);
            journal.Commit(20);
            journal.Close();
        }

        using var reopened = InputJournal.Open(Options());
        Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), reopened.ReadFrom(0).Select(r => SequenceOf(r.Payload)));
    }

    private struct CountingVisitor : IJournalRecordVisitor
    {
        public int Count;
        public long First;
        public long Last;
        public int StopAfter;

        public bool OnRecord(ReadOnlySpan<byte> record, long address, long nextAddress)
        {
            var sequence = SequenceOf(record);
            if (Count == 0)
                First = sequence;
            Last = sequence;
            Count++;
            return StopAfter == 0 || Count < StopAfter;
        }
    }
}
