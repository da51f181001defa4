using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// The perf gate's committed baseline (perf/gate-baseline.json): for each scenario, the reference it is divided by, the
/// ratio measured when the baseline was made, and its own tolerance; and the allocation limit of the pipeline.
/// </summary>
/// <remarks>
/// Shape: <c>{ "about": "...", "max_bytes_per_event": 1.0, "scenarios": { "&lt;name&gt;": { "per": "&lt;reference&gt;",
/// "ratio": 0.1, "tolerance": 0.65 }, ... } }</c>. Every key is checked when the file is read; a bad or missing value
/// is an <see cref="InvalidDataException"/> naming its key (<c>scenarios.pipeline-replay.tolerance</c>), never a default.
/// </remarks>
public sealed class GateBaseline
{
    private GateBaseline(string about, double maxBytesPerEvent, IReadOnlyList<GateEntry> entries)
    {
        About = about;
        MaxBytesPerEvent = maxBytesPerEvent;
        Entries = entries;
    }

    /// <summary>What the figures mean and how they were taken.</summary>
    public string About { get; }

    /// <summary>The most the pipeline may allocate per event (bytes).</summary>
    public double MaxBytesPerEvent { get; }

    /// <summary>The scenarios in file order.</summary>
    public IReadOnlyList<GateEntry> Entries { get; }

    /// <summary>The references the scenarios are divided by, each once, in order of first use.</summary>
    public IReadOnlyList<string> References => [.. Entries.Select(e => e.Per).Distinct()];

    /// <summary>Reads a baseline from JSON text.</summary>
    /// <exception cref="InvalidDataException">The text is not JSON, or a key is missing or has a bad value (the message names the key).</exception>
    public static GateBaseline Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject file)
        {
            throw new InvalidDataException("the baseline must be a JSON object");
        }

        var about = String(file, "about", "about");
        var maxBytes = Number(file, "max_bytes_per_event", "max_bytes_per_event");
        if (maxBytes < 0)
        {
            throw Bad("max_bytes_per_event", "must not be negative", file["max_bytes_per_event"]);
        }

        if (file["scenarios"] is not JsonObject scenarios || scenarios.Count == 0)
        {
            throw Bad("scenarios", "must be an object with at least one scenario", file["scenarios"]);
        }

        var entries = new List<GateEntry>();
        foreach (var (name, value) in scenarios)
        {
            var key = "scenarios." + name;
            if (!GateScenarios.Names.Contains(name))
            {
                throw new InvalidDataException($"{key}: unknown scenario (known: {string.Join(", ", GateScenarios.Names)})");
            }

            if (value is not JsonObject scenario)
            {
                throw Bad(key, "must be an object { \"per\", \"ratio\", \"tolerance\" }", value);
            }

            var per = String(scenario, "per", key + ".per");
            if (!GateScenarios.References.Contains(per) || per == name)
            {
                throw Bad(key + ".per", $"must be one of {string.Join(", ", GateScenarios.References)} and not the scenario itself", scenario["per"]);
            }

            var ratio = Number(scenario, "ratio", key + ".ratio");
            if (!(ratio > 0))
            {
                throw Bad(key + ".ratio", "must be positive", scenario["ratio"]);
            }

            var tolerance = Number(scenario, "tolerance", key + ".tolerance");
            if (!(tolerance is > 0 and <= 1))
            {
                throw Bad(key + ".tolerance", "must be in (0, 1]: the fraction of the ratio below which the gate fails", scenario["tolerance"]);
            }

            entries.Add(new GateEntry(name, per, ratio, tolerance));
        }

        return new GateBaseline(about, maxBytes, entries);
    }

    /// <summary>The baseline as JSON with each scenario's ratio replaced by <paramref name="ratios"/>[scenario] (rounded to 3 decimals).</summary>
    public string WithRatios(IReadOnlyDictionary<string, double> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var scenarios = new JsonObject();
        foreach (var e in Entries)
        {
            scenarios[e.Scenario] = new JsonObject
            {
                ["per"] = e.Per,
                ["ratio"] = Math.Round(ratios.TryGetValue(e.Scenario, out var r) ? r : e.Ratio, 3),
                ["tolerance"] = e.Tolerance,
            };
        }

        var file = new JsonObject { ["about"] = About, ["max_bytes_per_event"] = MaxBytesPerEvent, ["scenarios"] = scenarios };
        return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string String(JsonObject parent, string name, string key)
        => parent[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : throw Bad(key, "must be a non-empty string", parent[name]);

    private static double Number(JsonObject parent, string name, string key)
        => parent[name] is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : throw Bad(key, "must be a number", parent[name]);

    private static InvalidDataException Bad(string key, string problem, JsonNode? value)
        => new(string.Create(CultureInfo.InvariantCulture, $"{key} {problem} (found {(value is null ? "nothing" : value.ToJsonString())})"));
}
