using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Journal;

/// <summary>Reads a journal back: as a MessagePack recording (replayable) or as JSON lines (for people and tools).</summary>
public static class JournalExporter
{
    /// <summary>
    /// Writes a recording: the source catalog, then every committed journal record verbatim. <c>backtest --recording</c>
    /// replays it. Returns the number of records.
    /// </summary>
    public static long ExportMessagePack(string journalDirectory, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (journal, catalog) = JournalFiles.OpenExisting(journalDirectory);
        using (journal)
        {
            output.Write(catalog.Encode());
            var visitor = new JournalRecovery.EntryVisitor<RecordCopier>(new RecordCopier(output));
            journal.Scan(journal.BeginAddress, ref visitor);
            return visitor.Records.Count;
        }
    }

    /// <summary>
    /// Writes JSON lines: first <c>{"symbols": [...], "sources": [...]}</c>, then one object per record:
    /// <c>{"seq", "src", "source", "recv", "raw_base64"}</c>. Returns the number of records.
    /// </summary>
    public static long ExportJsonLines(string journalDirectory, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (journal, catalog) = JournalFiles.OpenExisting(journalDirectory);
        using (journal)
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteStartArray("symbols");
            foreach (var t in catalog.Symbols.Tickers)
            {
                json.WriteStringValue(t);
            }

            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var s in catalog.Sources)
            {
                json.WriteStartObject();
                json.WriteString("symbol", catalog.Symbols[s.Symbol]);
                json.WriteString("format", s.Format.ToString());
                json.WriteString("date", s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("name", s.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            var visitor = new JournalRecovery.EntryVisitor<JsonLineWriter>(new JsonLineWriter(output, json, catalog));
            journal.Scan(journal.BeginAddress, ref visitor);
            return visitor.Records.Count;
        }
    }

    private struct RecordCopier(Stream output) : JournalBlock.IRecordVisitor
    {
        public long Count;

        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded)
        {
            output.Write(encoded);
            Count++;
        }
    }

    private struct JsonLineWriter(Stream output, Utf8JsonWriter json, SourceCatalog catalog) : JournalBlock.IRecordVisitor
    {
        public long Count;

        public void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded)
        {
            json.Reset(output);
            json.WriteStartObject();
            json.WriteNumber("seq", sequence);
            json.WriteNumber("src", source);
            json.WriteString("source", source >= 0 && source < catalog.Sources.Count ? catalog.Sources[source].Name : null);
            json.WriteNumber("recv", receiveNanos);
            json.WriteBase64String("raw_base64", frame);
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            Count++;
        }
    }
}
