using System.Globalization;
using System.Text;
using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Persistence;

/// <summary>Reads the ledger of a state folder back as CSV or JSON lines.</summary>
public static class LedgerExporter
{
    /// <summary>The CSV columns, in order (empty where a record has no such field).</summary>
    public static readonly string[] Columns = ["n", "seq", "kind", "order", "symbol", "side", "type", "qty", "limit", "price", "fee", "position", "stop", "tif", "status", "reason", "filled", "leaves", "rule", "state", "detail"];

    /// <summary>Writes every committed ledger record as CSV; returns the number of records.</summary>
    public static long ExportCsv(string ledgerDirectory, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns));
        return Export(ledgerDirectory, fields => writer.WriteLine(string.Join(',', Columns.Select(c => fields.GetValueOrDefault(c) ?? string.Empty))));
    }

    /// <summary>Writes every committed ledger record as a JSON object per line; returns the number of records.</summary>
    public static long ExportJsonLines(string ledgerDirectory, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Export(ledgerDirectory, fields =>
        {
            using var json = new Utf8JsonWriter(output);
            json.WriteStartObject();
            foreach (var c in Columns)
            {
                if (fields.TryGetValue(c, out var value) && value is not null)
                {
                    if (c is "n" or "seq" or "order")
                    {
                        json.WriteNumber(c, long.Parse(value, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteString(c, value);
                    }
                }
            }

            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
        });
    }

    private static long Export(string ledgerDirectory, Action<Dictionary<string, string?>> write)
    {
        if (!InputJournal.Exists(ledgerDirectory))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"'{ledgerDirectory}' holds no ledger");
        }

        using var log = InputJournal.Open(JournalFiles.Options(ledgerDirectory, 1024, TimeSpan.FromMilliseconds(5)));
        long count = 0;
        foreach (var record in log.ReadFrom(log.BeginAddress))
        {
            write(Decode(record.Payload, record.Address));
            count++;
        }

        return count;
    }

    private static Dictionary<string, string?> Decode(byte[] payload, long address)
    {
        var reader = new MessagePackReader(payload);
        if (!reader.TryReadMapHeader(out var count))
        {
            throw Corrupt(address);
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadString(out var key))
            {
                throw Corrupt(address);
            }

            if (reader.TryReadInt64(out var number))
            {
                fields[key] = number.ToString(CultureInfo.InvariantCulture);
            }
            else if (reader.TryReadString(out var text))
            {
                fields[key] = text;
            }
            else if (reader.TryReadNil())
            {
                fields[key] = null;
            }
            else
            {
                throw Corrupt(address);
            }
        }

        return fields;
    }

    private static EngineException Corrupt(long address)
        => new(ErrorCode.PersistenceCorrupt, $"ledger record at address {address} is not a ledger record");
}
