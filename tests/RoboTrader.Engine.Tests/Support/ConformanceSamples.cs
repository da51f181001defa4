using System.Text;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Support;

/// <summary>
/// Reads the records of a <c>../shared/conformance/*.txt</c> file: <c>=== id</c>, <c>@</c> metadata lines, and the
/// payload between <c>--- payload</c> and <c>--- end</c>, byte for byte.
/// </summary>
internal static class ConformanceSamples
{
    public static IReadOnlyDictionary<string, (string Payload, string Metadata)> Read(string file)
    {
        var path = Path.Combine(SharedData.ConformanceRoot ?? throw new InvalidOperationException("no conformance folder"), file);
        var records = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        string? id = null;
        var meta = new StringBuilder();
        StringBuilder? payload = null;
        foreach (var line in File.ReadLines(path))
        {
            if (payload is not null)
            {
                if (line == "--- end")
                {
                    records[id!] = (payload.ToString().TrimEnd('\n'), meta.ToString());
                    payload = null;
                }
                else
                {
                    payload.Append(line).Append('\n');
                }
            }
            else if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                id = line[4..].Trim();
                meta.Clear();
            }
            else if (line.StartsWith('@'))
            {
                meta.AppendLine(line);
            }
            else if (line == "--- payload")
            {
                payload = new StringBuilder();
            }
        }

        return records;
    }

    /// <summary>Strips <c>//</c> comments outside strings (the Binance docs' JSONC), as the file's notes prescribe.</summary>
    public static string StripLineComments(string jsonc)
    {
        var sb = new StringBuilder();
        foreach (var line in jsonc.Split('\n'))
        {
            var inString = false;
            var cut = line.Length;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '"' && (i == 0 || line[i - 1] != '\\'))
                {
                    inString = !inString;
                }
                else if (!inString && line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    cut = i;
                    break;
                }
            }

            sb.Append(line.AsSpan(0, cut).TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }
}
