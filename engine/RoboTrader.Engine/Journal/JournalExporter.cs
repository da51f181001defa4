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
            long count = 0;
            foreach (var record in journal.ReadFrom(journal.BeginAddress))
            {
                output.Write(record.Payload);
                count++;
            }

            return count;
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
            long count = 0;
            foreach (var record in journal.ReadFrom(journal.BeginAddress))
            {
                if (!JournalRecordCodec.TryDecode(record.Payload, out var seq, out var src, out var recv, out var raw, out _))
                {
                    throw new EngineException(ErrorCode.PersistenceCorrupt, $"journal record at address {record.Address} is not a journal record");
                }

                json.Reset(output);
                json.WriteStartObject();
                json.WriteNumber("seq", seq);
                json.WriteNumber("src", src);
                json.WriteString("source", src >= 0 && src < catalog.Sources.Count ? catalog.Sources[src].Name : null);
                json.WriteNumber("recv", recv);
                json.WriteBase64String("raw_base64", raw);
                json.WriteEndObject();
                json.Flush();
                output.WriteByte((byte)'\n');
                count++;
            }

            return count;
        }
    }
}
