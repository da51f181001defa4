using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;
using RoboTrader.TestSupport;
using Xunit.Abstractions;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>The journal's delta blocks on a day of real LEAN ticks: how small, and exact.</summary>
[Collection(RealLeanDataCollection.Name)]
public sealed class DeltaJournalRealDataTests(ITestOutputHelper output)
{
    [LeanDataFact]
    public void DeltaBlocks_OneDayOfRealTicks_AtMost8AndAHalfBytesPerRecordAndExact()
    {
        var day = new DateOnly(2013, 10, 7);
        var source = new LeanDataSource(RealLeanDataFixture.Root, RealLeanDataFixture.TickSymbols, day, day, LeanResolution.Tick);
        var registry = new Engine.Ingest.SourceRegistry();
        source.RegisterSources(registry);

        var journal = FrameCapture.Run(source, registry, new DeltaJournal());

        output.WriteLine($"{journal.Records:N0} records in {journal.Blocks} blocks: delta {journal.DeltaBytes:N0} bytes ({(double)journal.DeltaBytes / journal.Records:F2} a record), plain {journal.PlainBytes:N0} ({(double)journal.PlainBytes / journal.Records:F2})");
        Assert.Equal(source.Statistics.LinesPublished, journal.Records);
        Assert.Equal(0, journal.Mismatches);
        Assert.InRange(journal.DeltaBytes, journal.Records * 6, journal.Records * 7); // measured 2026-12-06: 6.33 (2,054,274 records, 12,993,509 bytes; 6.37 in kind D blocks, 8.30 before quotes had two references)
        Assert.True(journal.PlainBytes > journal.Records * 60);
    }

    /// <summary>
    /// Journals every frame as <see cref="JournalWriter"/> cuts delta blocks (receive stamps as ingest's: one per batch
    /// of 64, 20 µs apart, so that the figure does not depend on the machine), and decodes each block to compare it with
    /// the plain block.
    /// </summary>
    private sealed class DeltaJournal : IEventHandler<PipelineSlot>
    {
        private readonly JournalDeltaEncoder _encoder = new();
        private byte[] _plain = new byte[4 * JournalWriter.MaxPlainBlockBytes];
        private byte[] _scratch = [];
        private int _plainLength;

        public long Records { get; private set; }

        public long Blocks { get; private set; }

        public long DeltaBytes { get; private set; }

        public long PlainBytes { get; private set; }

        public long Mismatches { get; private set; }

        public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
        {
            var receive = 1_000_000_000 + (sequence / 64 * 20_000);
            _encoder.Append(sequence, data.Source.Value, receive, data.Frame);
            _plainLength += JournalRecordCodec.Encode(sequence, data.Source.Value, receive, data.Frame, _plain.AsSpan(_plainLength));
            Records++;
            if (_encoder.Length >= JournalWriter.BlockBytes || _encoder.PlainLength >= JournalWriter.MaxPlainBlockBytes)
            {
                Cut();
            }
        }

        public void OnStart()
        {
        }

        public void OnShutdown()
        {
            if (_encoder.Count > 0)
            {
                Cut();
            }
        }

        private void Cut()
        {
            var block = _encoder.Finish();
            if (!JournalBlock.Records(block, ref _scratch, Blocks).SequenceEqual(_plain.AsSpan(0, _plainLength)))
            {
                Mismatches++;
            }

            Blocks++;
            DeltaBytes += block.Length;
            PlainBytes += _plainLength;
            _plainLength = 0;
            _encoder.Reset();
        }
    }
}
