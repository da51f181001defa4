using System.Globalization;
using System.Text.Json;

namespace RoboTrader.Cli.Tests.Reference;

/// <summary>Reads a backtest's summary.json and fills.csv back as plain values.</summary>
internal sealed class EngineOutput
{
    private EngineOutput(JsonElement summary, IReadOnlyList<ReferenceBacktest.Fill> fills, string[] fillLines)
    {
        Summary = summary;
        Fills = fills;
        FillLines = fillLines;
    }

    public JsonElement Summary { get; }

    public IReadOnlyList<ReferenceBacktest.Fill> Fills { get; }

    public string[] FillLines { get; }

    public long Count(string key) => Summary.GetProperty(key).GetInt64();

    public decimal Money(string key) => decimal.Parse(Summary.GetProperty(key).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);

    public IReadOnlyDictionary<string, decimal> Positions
        => Summary.GetProperty("positions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());

    public static EngineOutput Read(string outDir)
    {
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement.Clone();
        var lines = File.ReadAllLines(Path.Combine(outDir, "fills.csv"));
        if (lines[0] != "seq,time,symbol,side,qty,price,fee")
        {
            throw new InvalidDataException("unexpected fills.csv header: " + lines[0]);
        }

        var fills = lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            return new ReferenceBacktest.Fill(
                long.Parse(f[0], CultureInfo.InvariantCulture),
                f[2],
                f[3],
                decimal.Parse(f[4], CultureInfo.InvariantCulture),
                decimal.Parse(f[5], CultureInfo.InvariantCulture),
                decimal.Parse(f[6], CultureInfo.InvariantCulture));
        }).ToList();
        return new EngineOutput(summary, fills, lines);
    }
}
