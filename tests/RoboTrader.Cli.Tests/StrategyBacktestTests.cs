using System.Text.Json;
using System.Text.Json.Nodes;
using RoboTrader.TestSupport;
using Xunit.Abstractions;

namespace RoboTrader.Cli.Tests;

/// <summary>mean-reversion and breakout on the real LEAN data: they trade, and two runs write byte-identical outputs.</summary>
public sealed class StrategyBacktestTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Run(string name, params string[] args)
    {
        var dir = _temp.Combine(name);
        var outcome = CliRunner.Run(["backtest", "--data", SharedData.LeanDataRoot!, .. args, "--out", dir]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        log.WriteLine(outcome.Output);
        return dir;
    }

    private static JsonObject Summary(string dir)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!.AsObject();
        node.Remove("elapsed_ms");
        node.Remove("events_per_sec");
        return node;
    }

    private void AssertTwiceIdentical(string[] args, long minOrders, params (string Key, string Value)[] parameters)
    {
        var first = Run("first", args);
        var second = Run("second", args);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "fills.csv")), File.ReadAllBytes(Path.Combine(second, "fills.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "deadletters.jsonl")), File.ReadAllBytes(Path.Combine(second, "deadletters.jsonl")));
        var summary = Summary(first);
        Assert.Equal(summary.ToJsonString(), Summary(second).ToJsonString());

        var orders = summary["orders"]!.GetValue<long>();
        Assert.True(orders >= minOrders, $"{orders} orders");
        Assert.True(summary["fills"]!.GetValue<long>() > 0, "the run should fill");
        var echoed = summary["parameters"]!.AsObject();
        foreach (var (key, value) in parameters)
        {
            Assert.Equal(value, echoed[key]!.GetValue<string>());
        }

        Assert.Null(echoed["fast"]); // sma-cross's parameters are not echoed for other strategies
    }

    [LeanDataFact]
    public void Backtest_MeanReversionOnBacMinuteBars_TradesAndIsByteIdenticalTwice()
        => AssertTwiceIdentical(
            ["--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-11", "--resolution", "minute", "--strategy", "mean-reversion", "--mr-window", "30", "--mr-entry-z", "2", "--mr-exit-z", "0.5", "--qty", "100", "--fee-bps", "1"],
            minOrders: 20,
            ("mr_window", "30"),
            ("mr_entry_z", "2"),
            ("mr_exit_z", "0.5"),
            ("tick_size", "0.01"));

    [LeanDataFact]
    public void Backtest_BreakoutOnSpyAndBacMinuteBars_TradesAndIsByteIdenticalTwice()
        => AssertTwiceIdentical(
            ["--symbols", "spy,bac", "--from", "2013-10-07", "--to", "2013-10-11", "--resolution", "minute", "--strategy", "breakout", "--breakout-lookback", "20", "--breakout-take-profit", "30bps", "--breakout-stop-loss", "5ticks"],
            // Each entry releases a take-profit and a stop-loss; one of them exits, the other is cancelled, and the
            // strategy enters again: many round trips, not one held entry.
            minOrders: 100,
            ("breakout_lookback", "20"),
            ("breakout_take_profit", "30bps"),
            ("breakout_stop_loss", "5ticks"));

    [LeanDataFact]
    public void Backtest_Breakout_ExitsThroughItsBracketLegs()
    {
        var dir = Run("bracket", "--symbols", "spy,bac", "--from", "2013-10-07", "--to", "2013-10-11", "--resolution", "minute", "--strategy", "breakout", "--breakout-take-profit", "30bps", "--breakout-stop-loss", "5ticks", "--progress", "none");

        var types = File.ReadAllLines(Path.Combine(dir, "trades.csv")).Skip(1).Select(l => l.Split(',')[8]).ToList();
        var entries = types.Count(t => t == "MARKET");
        var takeProfits = types.Count(t => t == "LIMIT");
        var stopLosses = types.Count(t => t == "STOP");
        Assert.True(takeProfits > 0 && stopLosses > 0, $"{takeProfits} take-profit and {stopLosses} stop-loss fills");
        // Every exit closes an entry; at most one entry per symbol is still open at the end.
        Assert.InRange(entries - (takeProfits + stopLosses), 0, 2);
        var cancelled = File.ReadAllLines(Path.Combine(dir, "orders.csv")).Count(l => l.Contains(",CANCELLED,", StringComparison.Ordinal));
        Assert.True(cancelled >= takeProfits + stopLosses, $"{cancelled} cancelled: each exit cancels its sibling leg");
    }

    [LeanDataFact]
    public void Backtest_MeanReversionOnBacTicks_CancelsAndReplaces_OneOrderWorkingAtATime()
    {
        var dir = Run("mr-ticks", "--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-07", "--strategy", "mean-reversion", "--mr-window", "200", "--mr-entry-z", "2.5", "--mr-exit-z", "0.5", "--progress", "none");

        // orders.csv: seq,time,order_id,symbol,side,type,tif,qty,limit_price,stop_price,status,filled_qty,reason
        var rows = File.ReadAllLines(Path.Combine(dir, "orders.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Contains(rows, r => r[12] == "ExecutionCancelRequested");
        Assert.Contains(rows, r => r[12] == "ExecutionReplaced");
        Assert.All(rows, r => Assert.Equal("LIMIT", r[5]));
        var working = new HashSet<string>();
        var most = 0;
        foreach (var r in rows)
        {
            if (r[10] == "ACCEPTED")
            {
                working.Add(r[2]);
            }
            else if (r[10] is "FILLED" or "CANCELLED" or "EXPIRED" or "REJECTED")
            {
                working.Remove(r[2]);
            }

            most = Math.Max(most, working.Count);
        }

        Assert.Equal(1, most); // the strategy cancels or replaces its order; it never stacks another
    }
}
