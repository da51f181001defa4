using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>
/// What summary.json says about the run, as text in the file's order: the counts and money figures
/// (<see cref="Facts"/>) and the run's <see cref="Parameters"/>. The wall-clock figures (<c>elapsed_ms</c>,
/// <c>events_per_sec</c>) are left out so that the report depends only on the run's inputs.
/// </summary>
public sealed class RunFacts
{
    /// <summary>The file name in an output folder.</summary>
    public const string FileName = "summary.json";

    private static readonly string[] s_wallClock = ["elapsed_ms", "events_per_sec"];

    /// <summary>No summary.json: no facts.</summary>
    public static readonly RunFacts None = new([], []);

    /// <summary>Creates the facts.</summary>
    public RunFacts(IReadOnlyList<KeyValuePair<string, string>> facts, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        Facts = facts;
        Parameters = parameters;
    }

    /// <summary>Top-level values (numbers, strings, positions as <c>SYM=qty</c> pairs) in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; }

    /// <summary>The <c>parameters</c> object (data, symbols, dates, strategy, ...) in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Reads summary.json; <see cref="None"/> when the file does not exist.</summary>
    /// <exception cref="EngineException">The file is not a JSON object.</exception>
    public static RunFacts Read(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"{FileName} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EngineException(ErrorCode.PersistenceCorrupt, $"{FileName} is not a JSON object");
            }

            var facts = new List<KeyValuePair<string, string>>();
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (s_wallClock.Contains(property.Name))
                {
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Object when property.Name == "parameters":
                        parameters.AddRange(property.Value.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Scalar(p.Value))));
                        break;
                    case JsonValueKind.Object:
                        facts.Add(new(property.Name, string.Join(' ', property.Value.EnumerateObject().Select(p => p.Name + "=" + Scalar(p.Value)))));
                        break;
                    case JsonValueKind.Array:
                        break; // per-source parse counts: in summary.json, too detailed for the report's header
                    default:
                        facts.Add(new(property.Name, Scalar(property.Value)));
                        break;
                }
            }

            return new RunFacts(facts, parameters);
        }
    }

    /// <summary>The value of <paramref name="key"/> among the parameters, or null.</summary>
    public string? Parameter(string key) => Parameters.FirstOrDefault(p => p.Key == key).Value;

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
