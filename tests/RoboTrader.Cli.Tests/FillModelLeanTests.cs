using System.Globalization;
using System.Text.Json.Nodes;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>The quote and bar fill models end to end on the real LEAN data: deterministic, and the outputs agree with each other.</summary>
public sealed class FillModelLeanTests : IDisposable
{
    private static readonly string[] s_outputs = ["fills.csv", "trades.csv", "orders.csv", "equity.csv", "deadletters.jsonl"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Run(string name, params string[] options)
    {
        var dir = _temp.Combine(name);
        var outcome = CliRunner.Run(["backtest", "--data", SharedData.LeanDataRoot!, "--fast", "10", "--slow", "40", "--qty", "100", "--fee-bps", "0.5",
            "--fee-per-share", "0.001", "--fee-min", "0.35", "--out", dir, .. options]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return dir;
    }

    [LeanDataFact]
    public void QuoteModel_OnTicks_RunsTwiceByteIdentical_AndOutputsAgree()
        => Check(["--symbols", "bac,ibm", "--from", "2013-10-07", "--to", "2013-10-07", "--fill-model", "quote", "--latency-ms", "2", "--slippage-ticks", "1"]);

    [LeanDataFact]
    public void BarModel_OnMinuteBars_RunsTwiceByteIdentical_AndOutputsAgree()
        => Check(["--symbols", "bac,spy", "--from", "2013-10-07", "--to", "2013-10-09", "--resolution", "minute", "--fill-model", "bar", "--slippage-bps", "1", "--equity-interval", "5m"]);

    [LeanDataFact]
    public void QuoteModel_OnMinuteQuoteBars_RunsTwiceByteIdentical_AndOutputsAgree()
        => Check(["--symbols", "spy", "--from", "2013-10-07", "--to", "2013-10-08", "--resolution", "minute", "--fill-model", "quote", "--latency-ms", "1000"]);

    private void Check(string[] options)
    {
        var first = Run("first", options);
        var second = Run("second", options);
        foreach (var file in s_outputs)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(first, "summary.json")))!.AsObject();
        var fills = File.ReadAllLines(Path.Combine(first, "fills.csv")).Skip(1).ToList();
        var trades = File.ReadAllLines(Path.Combine(first, "trades.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var orders = File.ReadAllLines(Path.Combine(first, "orders.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var equity = File.ReadAllLines(Path.Combine(first, "equity.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        Assert.True(fills.Count > 10, "the run should trade");
        Assert.Equal(summary["fills"]!.GetValue<long>(), trades.Count);
        // trades.csv starts with fills.csv's columns; its position column is the running sum of signed fills per symbol.
        var positions = new Dictionary<string, decimal>();
        for (var i = 0; i < trades.Count; i++)
        {
            Assert.Equal(fills[i], string.Join(',', trades[i].Take(7)));
            var qty = decimal.Parse(trades[i][4], CultureInfo.InvariantCulture);
            positions[trades[i][2]] = positions.GetValueOrDefault(trades[i][2]) + (trades[i][3] == "BUY" ? qty : -qty);
            Assert.Equal(positions[trades[i][2]], decimal.Parse(trades[i][11], CultureInfo.InvariantCulture));
        }

        foreach (var (symbol, position) in positions)
        {
            Assert.Equal(position, summary["positions"]![symbol]!.GetValue<decimal>());
        }

        // Every order appears as NEW then ACCEPTED or REJECTED and ends in a terminal state; FILLED orders account for every fill.
        var byOrder = orders.GroupBy(o => o[2]).ToList();
        Assert.Equal(summary["orders"]!.GetValue<long>(), byOrder.Count);
        Assert.All(byOrder, g => Assert.Equal("NEW", g.First()[10]));
        Assert.All(byOrder, g => Assert.Contains(g.Last()[10], new[] { "FILLED", "CANCELLED", "EXPIRED", "REJECTED" }));
        var filledQty = byOrder.Sum(g => decimal.Parse(g.Last()[11], CultureInfo.InvariantCulture));
        Assert.Equal(trades.Sum(t => decimal.Parse(t[4], CultureInfo.InvariantCulture)), filledQty);

        // The last equity sample is the state at the end: it agrees with the summary.
        var last = equity[^1];
        Assert.Equal(summary["realized_pnl"]!.GetValue<string>(), last[5]);
        Assert.Equal(summary["unrealized_pnl"]!.GetValue<string>(), last[6]);
        Assert.Equal(summary["fees"]!.GetValue<string>(), last[7]);
        Assert.True(equity.Count > 100, "the curve should be sampled through the day");
        Assert.Equal(equity.Select(e => e[0]).Order(StringComparer.Ordinal), equity.Select(e => e[0]));
    }
}
