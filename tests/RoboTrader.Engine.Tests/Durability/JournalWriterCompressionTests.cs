using System.Diagnostics;
using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Journal;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Durability;

/// <summary>The journal's block kinds change only the bytes on disk: every reader sees the same records.</summary>
public sealed class JournalWriterCompressionTests : IDisposable
{
    private readonly TempDirectory _temp = new("robotrader-journal-kinds");

    public void Dispose() => _temp.Dispose();

    private string Write(string name, JournalCompression compression, IReadOnlyList<DeltaTestRecord> records, int cutEvery)
    {
        var directory = _temp.Combine(name);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, SourceCatalog.FileName), new SourceCatalog(new SymbolTable(["AAA"]), []).Encode());
        using var journal = InputJournal.Open(JournalFiles.Options(directory, 1 << 20, TimeSpan.FromHours(1)));
        var writer = new JournalWriter(journal, null, compression);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            writer.Record(r.Sequence, new SourceId(r.Source), r.ReceiveNanos * Stopwatch.Frequency / 1_000_000_000, r.Frame, 0);
            if (i % cutEvery == cutEvery - 1)
            {
                writer.EndOfBatch();
                writer.Pause(); // a block per batch
            }
        }

        writer.Finish();
        journal.WaitForCommit(records[^1].Sequence);
        return directory;
    }

    private static byte[] Export(string directory, bool json)
    {
        using var output = new MemoryStream();
        _ = json ? JournalExporter.ExportJsonLines(directory, output) : JournalExporter.ExportMessagePack(directory, output);
        return output.ToArray();
    }

    private readonly struct EntryKinds : IJournalRecordVisitor
    {
        public readonly List<(char Kind, int Length)> Entries = [];

        public EntryKinds()
        {
        }

        public bool OnRecord(ReadOnlySpan<byte> record, long address, long nextAddress)
        {
            Entries.Add((record[0] == JournalBlock.CompressedMarker ? (char)record[1] : 'P', record.Length));
            return true;
        }
    }

    private static List<(char Kind, int Length)> Entries(string directory)
    {
        var (journal, _) = JournalFiles.OpenExisting(directory);
        using (journal)
        {
            var visitor = new EntryKinds();
            journal.Scan(journal.BeginAddress, ref visitor);
            return visitor.Entries;
        }
    }

    private static List<DeltaTestRecord> LeanLike(int count)
    {
        var records = new List<DeltaTestRecord>(count);
        var random = new Random(11);
        var time = 34_200_000L;
        var price = 1_689_500L;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(3);
            price += random.Next(-1, 2) * 100;
            var frame = (i % 3) switch
            {
                0 => $"{time},{price},{random.Next(1, 9) * 100},P,0,0",
                1 => $"{time},{price - 100},{random.Next(1, 9) * 100},0,0,P,1,0",
                _ => $"{time},0,0,{price + 100},{random.Next(1, 9) * 100},P,1,0",
            };
            records.Add(new DeltaTestRecord(i, i % 3, 5_000_000_000L + (i / 100 * 7_000), Encoding.ASCII.GetBytes(frame)));
        }

        return records;
    }

    [Fact]
    public void Export_DeltaAndBrotliJournals_EqualThePlainJournalsExportsByteForByte()
    {
        var records = LeanLike(20_000);
        var generated = new DeltaRecordGenerator(3).Block(3000); // odd frames too, with sequences made increasing
        records.AddRange(generated.Select((r, i) => r with { Sequence = 20_000 + i, Source = Math.Abs(r.Source % 5), ReceiveNanos = 9_000_000_000L + i }));
        var plain = Write("none", JournalCompression.None, records, 700);
        var brotli = Write("brotli", JournalCompression.Brotli, records, 700);
        var delta = Write("delta", JournalCompression.Delta, records, 700);

        var expected = Export(plain, json: false);
        Assert.Equal(expected, Export(delta, json: false));
        Assert.Equal(expected, Export(brotli, json: false));
        Assert.Equal(Export(plain, json: true), Export(delta, json: true));
        Assert.True(Export(plain, json: true).Length > expected.Length / 2);
        var deltaEntries = Entries(delta);
        Assert.Equal(23_000 / 700 + 1, deltaEntries.Count); // a block per batch
        Assert.All(deltaEntries, e => Assert.Equal((char)JournalDeltaEncoder.Kind, e.Kind));
        Assert.True(deltaEntries.Take(28).Sum(e => e.Length) * 4 < Entries(plain).Take(28).Sum(e => e.Length)); // the LEAN-like rows
    }

    [Fact]
    public void Record_DeltaOfRandomBytes_RawRecordsStillSmallerThanPlain()
    {
        var random = new Random(5);
        var records = Enumerable.Range(0, 50).Select(i =>
        {
            var frame = new byte[random.Next(300, 600)]; // too long to split: coded raw
            random.NextBytes(frame);
            return new DeltaTestRecord(i, 1, 1000 + i, frame);
        }).ToList();

        var delta = Write("delta", JournalCompression.Delta, records, 10);
        var plain = Write("none", JournalCompression.None, records, 10);

        Assert.Equal([.. Enumerable.Repeat((char)JournalDeltaEncoder.Kind, 5)], Entries(delta).Select(e => e.Kind));
        // Ten records a block. Plain: 26 bytes a record besides the frame (map, keys, seq, src, recv 1000.. as uint16, bin16
        // header). Delta: the 10-byte header; the first record 7 (head, source slot and id, recv zz(1000+), length) plus
        // its sequence gap (none in the first block, zz(10 i) = 1 byte after); the nine others 4 (head, recv +1, length).
        Assert.Equal([207, 206, 206, 206, 206], Entries(plain).Zip(Entries(delta), (p, d) => p.Length - d.Length));
        Assert.Equal(Export(plain, json: false), Export(delta, json: false));
    }
}
