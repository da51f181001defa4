using System.Text.Json.Nodes;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Checkpoints;

public sealed class CheckpointResumeTests : IDisposable
{
    private const int Frames = 12_000;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ListFrameSource Source(long crashAfter = long.MaxValue, long garbageFrom = long.MaxValue, long garbageTo = long.MinValue)
    {
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), "BAC", "IBM", "SPY") { CrashAfter = crashAfter };
        string[] symbols = ["BAC", "IBM", "SPY"];
        var random = new Random(7);
        var prices = new long[] { 100_000, 1_800_000, 1_600_000 };
        for (var i = 0; i < Frames; i++)
        {
            var s = i % 3;
            var price = Math.Max(1_000, prices[s] + random.Next(-300, 301));
            if (i >= garbageFrom && i <= garbageTo)
            {
                source.Add(symbols[s], FrameFormat.LeanTradeTick, "not what was recorded"); // a source that changed its past
                prices[s] = price; // ...but not its future
                continue;
            }

            if (i % 997 == 0)
            {
                source.Add(symbols[s], FrameFormat.LeanTradeTick, "x,y"); // a dead letter now and then
                continue;
            }

            prices[s] = price;
            source.Trade(symbols[s], 36_000_000 + i, prices[s], size: 100, suspicious: i % 501 == 0);
        }

        return source;
    }

    private BacktestOptions Options(string name, string placement = "parse|risk,decide,execute|persist", long checkpointEvery = 1000, ExecutionOptions? execution = null)
        => new BacktestOptions(
            _temp.Combine(name, "out"),
            new SmaCrossOptions(2, 5, Quantity.FromUnits(100)),
            execution ?? new ExecutionOptions(new BasisPoints(FixedPoint.Scale)),
            RiskOptions.Default,
            new PipelineOptions(1 << 8, WaitStrategyKind.Yielding, StagePlacement.Parse(placement), 1),
            [])
        {
            StateDirectory = _temp.Combine(name, "state"),
            CheckpointEvery = checkpointEvery,
        };

    private string Summary(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(_temp.Combine(name, "out", "summary.json")))!.AsObject();
        json.Remove("elapsed_ms");
        json.Remove("events_per_sec");
        return json.ToJsonString();
    }

    private void AssertSameOutputs(string expected, string actual)
    {
        Assert.Equal(File.ReadAllBytes(_temp.Combine(expected, "out", "fills.csv")), File.ReadAllBytes(_temp.Combine(actual, "out", "fills.csv")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine(expected, "out", "deadletters.jsonl")), File.ReadAllBytes(_temp.Combine(actual, "out", "deadletters.jsonl")));
        foreach (var file in new[] { "trades.csv", "orders.csv", "equity.csv" })
        {
            Assert.Equal(File.ReadAllBytes(_temp.Combine(expected, "out", file)), File.ReadAllBytes(_temp.Combine(actual, "out", file)));
        }

        Assert.Equal(Summary(expected), Summary(actual));
    }

    [Theory]
    [InlineData(3333)]
    [InlineData(8888)]
    public void Run_CrashedWithLatencySlippageFeesAndEquitySamples_OutputsMatchUninterruptedRun(long crashAfter)
    {
        var execution = new ExecutionOptions(new BasisPoints(FixedPoint.Scale))
        {
            LatencyMilliseconds = 3,
            SlippageTicks = 1,
            FeePerShare = new Price(FixedPoint.Scale / 1000),
            FeeMinimum = new Money(FixedPoint.Scale / 2),
            EquityInterval = TimeSpan.FromSeconds(1),
        };
        BacktestRunner.Run(Source(), Options("ref", execution: execution));
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(crashAfter), Options("crash", execution: execution)));
        Assert.NotNull(CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state")));
        BacktestRunner.Run(Source(), Options("crash", execution: execution));

        AssertSameOutputs("ref", "crash");
        Assert.True(File.ReadAllLines(_temp.Combine("ref", "out", "equity.csv")).Length > 10, "the curve should have samples on both sides of the crash");
    }

    [Theory]
    [InlineData(500)] // before the first checkpoint: starts afresh
    [InlineData(1000)]
    [InlineData(4321)]
    [InlineData(11_999)]
    public void Run_CrashedThenRunAgain_OutputsMatchUninterruptedRun(long crashAfter)
    {
        var reference = BacktestRunner.Run(Source(), Options("ref"));
        Assert.True(reference.Fills > 10, "the data must trade");
        Assert.True(reference.DeadLettered > 5, "the data must dead-letter");

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(crashAfter), Options("crash")));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state"));
        if (crashAfter >= 2000)
        {
            Assert.NotNull(manifest); // the run again really resumes
            Assert.True(manifest.Sequence >= 999);
        }

        BacktestRunner.Run(Source(), Options("crash"));

        AssertSameOutputs("ref", "crash");
    }

    [Theory]
    [InlineData("ingest,parse|risk,decide,execute,persist", 4321)]
    [InlineData("ingest,parse,risk,decide,execute|persist", 11_999)]
    public void Run_StagesOnTheProducerThread_CheckpointThereAndResumeToIdenticalOutputs(string placement, long crashAfter)
    {
        BacktestRunner.Run(Source(), Options("ref", placement)); // equal to the consumer placements' outputs: BacktestPipelineTests

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(crashAfter), Options("crash", placement)));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state"));
        Assert.NotNull(manifest); // the producer thread's stages wrote their part of a completed checkpoint
        Assert.True(manifest.Sequence >= 999);
        BacktestRunner.Run(Source(), Options("crash", placement));

        AssertSameOutputs("ref", "crash");
    }

    [Fact]
    public void Run_CrashedTwice_ResumesFromTheLatestCheckpoint()
    {
        const string fused = "parse,risk,decide,execute,persist";
        BacktestRunner.Run(Source(), Options("ref", fused));

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(2500), Options("twice", fused)));
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(7777), Options("twice", fused)));
        BacktestRunner.Run(Source(), Options("twice", fused));

        AssertSameOutputs("ref", "twice");
    }

    [Theory]
    [InlineData(Journal.JournalCompression.Brotli, Journal.JournalCompression.Brotli)]
    [InlineData(Journal.JournalCompression.Delta, Journal.JournalCompression.Delta)]
    [InlineData(Journal.JournalCompression.Delta, Journal.JournalCompression.None)]
    [InlineData(Journal.JournalCompression.Brotli, Journal.JournalCompression.Delta)]
    public void Run_WithCompressedJournal_CrashedThenRunAgain_OutputsMatchUninterruptedRun(Journal.JournalCompression crashed, Journal.JournalCompression resumed)
    {
        // Blocks describe themselves: the resumed run may write another kind after the crashed run's blocks.
        BacktestRunner.Run(Source(), Options("ref"));
        var options = Options("compressed") with { JournalCommitEveryRecords = 1, JournalCommitInterval = TimeSpan.FromTicks(1) };

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(4900), options with { JournalCompression = crashed }));
        BacktestRunner.Run(Source(), options with { JournalCompression = resumed });

        AssertSameOutputs("ref", "compressed");
        Assert.Equal(Enumerable.Range(0, Frames).Select(i => (long)i), JournalSequences("compressed")); // each frame journaled once
    }

    private List<long> JournalSequences(string name)
    {
        var (journal, _) = Journal.JournalFiles.OpenExisting(_temp.Combine(name, "state", StateFiles.JournalFolder));
        using var opened = journal;
        var visitor = new Journal.JournalRecovery.EntryVisitor<SequenceList>(new SequenceList([]));
        journal.Scan(journal.BeginAddress, ref visitor);
        return visitor.Records.Sequences;
    }

    [Fact]
    public void Run_CommitBeforeExecute_SameOutputsAsAsync_AndResumesExactly()
    {
        BacktestRunner.Run(Source(), Options("ref"));
        var options = Options("cbe") with { Durability = DurabilityMode.CommitBeforeExecute };

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(6100), options));
        BacktestRunner.Run(Source(), options);

        AssertSameOutputs("ref", "cbe");
    }

    [Theory]
    [InlineData(JournalThread.Producer, DurabilityMode.Async)]
    [InlineData(JournalThread.Consumer, DurabilityMode.CommitBeforeExecute)]
    [InlineData(JournalThread.Producer, DurabilityMode.CommitBeforeExecute)]
    public void Run_EitherJournalThread_CrashedThenRunAgain_SameOutputsAndSameJournal(JournalThread thread, DurabilityMode mode)
    {
        BacktestRunner.Run(Source(), Options("ref")); // the defaults: the first consumer group journals, async commits
        var options = Options("other") with { JournalThread = thread, Durability = mode };

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(5200), options));
        BacktestRunner.Run(Source(), options);

        AssertSameOutputs("ref", "other");
        var journaled = JournaledFrames("ref");
        Assert.Equal(12_000, journaled.Count); // every frame of the source once, in sequence order
        Assert.Equal(journaled, JournaledFrames("other"));
    }

    [Fact]
    public void Run_TimedCheckpointsOnly_CrashedThenRunAgain_OutputsMatchUninterruptedRun()
    {
        // Any time at all since the previous checkpoint: the first frame of every publish batch is stamped (the clock
        // is read once per batch; a batch is at most 1,000 frames, fewer when the ring fills and ingest flushes early).
        var timed = (string name) =>
        {
            var o = Options(name, checkpointEvery: 0) with { CheckpointInterval = TimeSpan.FromTicks(1) };
            return o with { Pipeline = o.Pipeline with { RingSize = 1 << 11, PublishBatch = 1000 } };
        };
        BacktestRunner.Run(Source(), timed("ref"));
        Assert.True(CheckpointCoordinator.ReadManifest(_temp.Combine("ref", "state"))!.CheckpointId >= 12, "at least one checkpoint per 1,000 frames");

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(4321), timed("crash")));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state"));
        Assert.NotNull(manifest);
        BacktestRunner.Run(Source(), timed("crash"));

        AssertSameOutputs("ref", "crash");
        Assert.True(CheckpointCoordinator.ReadManifest(_temp.Combine("crash", "state"))!.CheckpointId > manifest.CheckpointId, "ids continue after the resumed one");
    }

    [Fact]
    public void Run_CheckpointIntervalOverADay_RefusedNamingTheOption()
    {
        var ex = Assert.Throws<EngineException>(() => BacktestRunner.Run(Source(), Options("long") with { CheckpointInterval = TimeSpan.FromDays(2) }));

        Assert.Equal(ErrorCode.ConfigurationInvalid, ex.Error.Code);
        Assert.Contains("--checkpoint-interval must be 0 (never) or positive up to a day, not 172800 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithState_WritesDeltaBlocksByDefault()
    {
        BacktestRunner.Run(Source(), Options("default"));

        var (journal, _) = JournalFiles.OpenExisting(Path.Combine(_temp.Combine("default", "state"), StateFiles.JournalFolder));
        using (journal)
        {
            var entries = journal.ReadFrom(journal.BeginAddress).ToList();
            Assert.True(entries.Count > 1, "12,000 frames fill more than one block");
            Assert.All(entries, e => Assert.Equal([JournalBlock.CompressedMarker, JournalDeltaEncoder.Kind], e.Payload[..2]));
        }

        Assert.Equal(12_000, JournaledFrames("default").Count);
    }

    /// <summary>Each journaled record as "sequence source base64(frame)" (the receive stamps differ run to run).</summary>
    private List<string> JournaledFrames(string name)
    {
        var (journal, _) = JournalFiles.OpenExisting(Path.Combine(_temp.Combine(name, "state"), StateFiles.JournalFolder));
        using (journal)
        {
            var frames = new List<string>();
            var scratch = Array.Empty<byte>();
            foreach (var entry in journal.ReadFrom(journal.BeginAddress))
            {
                var collector = new FrameCollector(frames);
                JournalBlock.ForEachRecord(JournalBlock.Records(entry.Payload, ref scratch, entry.Address), entry.Address, ref collector);
            }

            return frames;
        }
    }

    private readonly struct FrameCollector(List<string> frames) : JournalBlock.IRecordVisitor
    {
        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded)
            => frames.Add($"{sequence} {source} {Convert.ToBase64String(frame)}");
    }

    [Fact]
    public void Run_StateOfRunWithOtherOptions_Refused()
    {
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(3000), Options("other")));

        var ex = Assert.Throws<EngineException>(() => BacktestRunner.Run(Source(), Options("other") with { SmaCross = new SmaCrossOptions(3, 5, Quantity.FromUnits(100)) }));

        Assert.Equal(ErrorCode.PersistenceSettingsMismatch, ex.Error.Code);
    }

    [Fact]
    public void Run_WithCheckpoints_KeepsEachStageStateInItsOwnFasterStore()
    {
        BacktestRunner.Run(Source(), Options("stores"));

        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("stores", "state"));
        Assert.NotNull(manifest);
        Assert.Equal(12, manifest.CheckpointId); // 12,000 frames, every 1,000
        Assert.Equal(11_999, manifest.Sequence);
        string[] stages = ["decide", "execute", "parse", "persist", "risk"];
        Assert.Equal(stages, manifest.StoreTokens.Keys.Order());
        Assert.Equal(stages, manifest.StoreSettings.Keys.Order());
        foreach (var stage in stages)
        {
            var folder = _temp.Combine("stores", "state", CheckpointCoordinator.StoresFolder, stage);
            Assert.True(File.Exists(Path.Combine(folder, "store.settings.json")), stage);
            // Only the checkpoints a manifest can still name are kept: the last one and the one before.
            var tokens = Directory.GetDirectories(Path.Combine(folder, "cpr-checkpoints")).Select(Path.GetFileName).ToList();
            Assert.Contains(manifest.StoreTokens[stage].ToString(), tokens);
            Assert.InRange(tokens.Count, 1, 2);
        }

        Assert.True(manifest.JournalAddress > 0, "the journal address after the checkpoint's frame");
    }

    [Fact]
    public void Run_CheckpointOfAStagePresentButUnreadable_IsAHardError()
    {
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(4321), Options("broken")));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("broken", "state"))!;
        var checkpoint = Path.Combine(
            _temp.Combine("broken", "state", CheckpointCoordinator.StoresFolder, "execute", "cpr-checkpoints"),
            manifest.StoreTokens["execute"].ToString());
        foreach (var file in Directory.GetFiles(checkpoint))
        {
            File.WriteAllBytes(file, [1, 2, 3]);
        }

        var ex = Assert.Throws<EngineException>(() => BacktestRunner.Run(Source(), Options("broken")));

        Assert.Equal(ErrorCode.PersistenceCorrupt, ex.Error.Code);
        Assert.Contains("execute", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CheckpointOfAStageMissing_IsAHardError()
    {
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(4321), Options("missing")));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("missing", "state"))!;
        Directory.Delete(
            Path.Combine(_temp.Combine("missing", "state", CheckpointCoordinator.StoresFolder, "risk", "cpr-checkpoints"), manifest.StoreTokens["risk"].ToString()),
            recursive: true);

        var ex = Assert.Throws<EngineException>(() => BacktestRunner.Run(Source(), Options("missing")));

        Assert.Equal(ErrorCode.PersistenceCheckpointMissing, ex.Error.Code);
        Assert.Contains("risk", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JournalRetention.KeepAll)]
    [InlineData(JournalRetention.SincePreviousCheckpoint)]
    public void Run_JournalRetention_KeepsEverythingOrTruncatesBeforeThePreviousCheckpoint(JournalRetention retention)
    {
        var name = retention.ToString();
        BacktestRunner.Run(Source(), Options(name) with { JournalRetention = retention });

        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine(name, "state"))!;
        var (journal, _) = Journal.JournalFiles.OpenExisting(_temp.Combine(name, "state", StateFiles.JournalFolder));
        using var opened = journal;
        var visitor = new Journal.JournalRecovery.EntryVisitor<SequenceList>(new SequenceList([]));
        journal.Scan(journal.BeginAddress, ref visitor);
        var sequences = visitor.Records.Sequences;
        Assert.Equal(Enumerable.Range((int)sequences[0], sequences.Count).Select(i => (long)i), sequences); // no gap
        Assert.Equal(Frames - 1, sequences[^1]);
        if (retention == JournalRetention.KeepAll)
        {
            Assert.Equal(0, sequences[0]);
        }
        else
        {
            // Checkpoint 12 completing asks to truncate before checkpoint 11 (sequence 11,000 on); the journal's
            // thread applies a request with its next commit, and its last one may come before checkpoint 12 completes:
            // then the request of checkpoint 11 (before sequence 10,000) is what reached the disk.
            Assert.InRange(sequences[0], 10_000, 11_000);
            Assert.Equal(0, sequences[0] % 1000);
            Assert.True(journal.BeginAddress <= manifest.JournalAddress);
        }
    }

    [Theory]
    [InlineData(Journal.JournalCompression.None)]
    [InlineData(Journal.JournalCompression.Delta)]
    public void Run_Resumed_ReplaysWhatTheJournalCommittedAfterTheCheckpoint_NotTheSource(Journal.JournalCompression compression)
    {
        BacktestRunner.Run(Source(), Options("ref"));
        // Commit (and cut a block) at every publish: the journal then holds the frames up to the crash.
        var options = Options("journal") with { JournalCommitEveryRecords = 1, JournalCommitInterval = TimeSpan.FromTicks(1), JournalCompression = compression };
        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Source(4900), options));
        var manifest = CheckpointCoordinator.ReadManifest(_temp.Combine("journal", "state"))!;
        long committed;
        var (journal, _) = Journal.JournalFiles.OpenExisting(_temp.Combine("journal", "state", StateFiles.JournalFolder));
        using (journal)
        {
            committed = journal.RecoveredSequence;
        }

        Assert.Equal(3999, manifest.Sequence);
        // Ingest journals every frame before publishing it and commits at every publish: the journal holds frames past
        // the checkpoint.
        Assert.InRange(committed, 4000, 4900);

        // The source now gives other bytes for what the journal holds after the checkpoint: the resumed run must take
        // those frames from the journal (and skip them in the source) to end like the uninterrupted run.
        BacktestRunner.Run(Source(garbageFrom: manifest.Sequence + 1, garbageTo: committed), options);

        AssertSameOutputs("ref", "journal");
    }

    private readonly record struct SequenceList(List<long> Sequences) : Journal.JournalBlock.IRecordVisitor
    {
        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded) => Sequences.Add(sequence);
    }
}
