using System.Text;
using System.Text.Json.Nodes;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Persistence;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>Breaches through the whole pipeline: breaches.csv, the ledger's breach records, summary.json, and a crash and resume.</summary>
public sealed class BreachRecordTests : IDisposable
{
    private static readonly DateOnly s_day = new(2013, 10, 7);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private BacktestOptions Options(string name, RiskOptions risk, string placement = "parse,risk,decide,execute,persist", long checkpointEvery = 0)
        => new BacktestOptions(
            _temp.Combine(name, "out"),
            new SmaCrossOptions(1, 2, Quantity.FromUnits(100)),
            new ExecutionOptions(default),
            risk,
            new PipelineOptions(1 << 8, WaitStrategyKind.Yielding, StagePlacement.Parse(placement), 1),
            [])
        {
            StateDirectory = _temp.Combine(name, "state"),
            CheckpointEvery = checkpointEvery,
        };

    [Fact]
    public void Run_OrderNotionalClampAndHalt_BreachesInCsvLedgerAndSummary()
    {
        // sma-cross 1/2. Seq 1 (11 > 10.5): buy 100 at 11 = 1,100 > 1,000 → clamped to 1000/11 = 90.9090909 (recorded).
        // Seq 2 (10.5): it fills; sell 190.9090909 clamped to 1000/10.5 = 95.23809523 (latched: the rule has not let an
        // order through unchanged since). Seq 3: halt. Seq 4 (11.5): the sell fills; buy 104.32900433 refused by HALTED
        // (recorded); seq 5 to 7: refused again, latched.
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 0, 100_000).Trade("BAC", 1, 110_000).Trade("BAC", 2, 105_000);
        source.Add("BAC", FrameFormat.TaskInputs, """{"command":"halt"}""");
        source.Trade("BAC", 4, 115_000).Trade("BAC", 5, 104_000).Trade("BAC", 6, 116_000).Trade("BAC", 7, 103_000);

        var summary = BacktestRunner.Run(source, Options("notional", RiskOptions.Default with { MaxOrderNotional = new Money(FixedPoint.Scale * 1000) }));

        Assert.Equal(
            [
                BreachesCsvWriter.Header,
                "1,2013-10-07T04:00:00.001000Z,BAC,max-order-notional,ACTIVE,clamped BUY 100: notional 1100 limit 1000",
                "4,2013-10-07T04:00:00.004000Z,BAC,halted,HALTED,refused BUY 104.32900433: trading HALTED",
            ],
            File.ReadAllLines(_temp.Combine("notional", "out", "breaches.csv")));
        Assert.Equal(
            ["2,2013-10-07T04:00:00.002000Z,BAC,BUY,90.9090909,10.5,0", "4,2013-10-07T04:00:00.004000Z,BAC,SELL,95.23809523,11.5,0"],
            File.ReadAllLines(_temp.Combine("notional", "out", "fills.csv")).Skip(1));
        Assert.Equal("HALTED", summary.TradingState);
        var json = JsonNode.Parse(File.ReadAllText(_temp.Combine("notional", "out", "summary.json")))!;
        Assert.Equal("HALTED", (string?)json["trading_state"]);
        Assert.Equal(1, (long)json["breaches"]!["max-order-notional"]!);
        Assert.Equal(1, (long)json["breaches"]!["halted"]!);
        Assert.Equal(0, (long)json["breaches"]!["daily-loss-limit"]!);

        using var ledger = new MemoryStream();
        LedgerExporter.ExportJsonLines(_temp.Combine("notional", "state", "ledger"), ledger);
        var breaches = Encoding.UTF8.GetString(ledger.ToArray()).Split('\n').Where(l => l.Contains("\"breach\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, breaches.Length);
        // After seq 1's order record and its two transitions (NEW, ACCEPTED): execution's records come first.
        Assert.Equal("""{"n":4,"seq":1,"kind":"breach","symbol":"BAC","rule":"max-order-notional","state":"ACTIVE","detail":"clamped BUY 100: notional 1100 limit 1000"}""", breaches[0]);
    }

    [Fact]
    public void Run_DefaultLimits_HeaderOnlyBreachesFile()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 0, 100_000).Trade("BAC", 1, 110_000).Trade("BAC", 2, 111_000);

        var summary = BacktestRunner.Run(source, Options("none", RiskOptions.Default));

        Assert.Equal([BreachesCsvWriter.Header], File.ReadAllLines(_temp.Combine("none", "out", "breaches.csv")));
        Assert.Equal("ACTIVE", summary.TradingState);
        Assert.All(summary.Breaches, b => Assert.Equal(0, b.Value));
    }

    private static ListFrameSource Noisy(long crashAfter = long.MaxValue)
    {
        var source = new ListFrameSource(s_day, "BAC", "IBM") { CrashAfter = crashAfter };
        var random = new Random(11);
        var prices = new long[] { 100_000, 1_800_000 };
        string[] symbols = ["BAC", "IBM"];
        for (var i = 0; i < 6000; i++)
        {
            var s = i % 2;
            prices[s] = Math.Max(1_000, prices[s] + random.Next(-400, 401));
            source.Trade(symbols[s], 36_000_000 + (i * 250), prices[s]);
            if (i % 7 == 0)
            {
                source.Quote(symbols[s], 36_000_000 + (i * 250), prices[s] - 100, prices[s] + (i % 35 == 0 ? -200 : 100));
            }

            if (i % 1500 == 1499)
            {
                source.Add("BAC", FrameFormat.TaskInputs, i % 3000 == 1499 ? """{"command":"reduce"}""" : """{"command":"resume"}""");
            }
        }

        return source;
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(5555)]
    public void Run_CrashedThenRunAgain_SameBreachesAndSummary(long crashAfter)
    {
        var risk = RiskOptions.Default with
        {
            MaxPosition = Quantity.FromUnits(150),
            MaxOrderNotional = new Money(FixedPoint.Scale * 1500),
            SymbolOrderRate = FixedPoint.Scale,
            SymbolOrderBurst = 2,
            CrossedQuoteGuard = true,
            MaxGrossExposure = new Money(FixedPoint.Scale * 3000),
            MidBandPercent = FixedPoint.Scale / 2,
        };
        var reference = BacktestRunner.Run(Noisy(), Options("ref", risk, checkpointEvery: 1000));
        Assert.True(reference.Breaches.Count(b => b.Value > 0) >= 4, "the data must breach several rules");

        Assert.ThrowsAny<Exception>(() => BacktestRunner.Run(Noisy(crashAfter), Options("crash", risk, checkpointEvery: 1000)));
        var resumed = BacktestRunner.Run(Noisy(), Options("crash", risk, checkpointEvery: 1000));

        Assert.Equal(File.ReadAllBytes(_temp.Combine("ref", "out", "breaches.csv")), File.ReadAllBytes(_temp.Combine("crash", "out", "breaches.csv")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine("ref", "out", "fills.csv")), File.ReadAllBytes(_temp.Combine("crash", "out", "fills.csv")));
        Assert.Equal(reference.Breaches, resumed.Breaches);
        Assert.Equal(reference.TradingState, resumed.TradingState);
        Assert.Equal(reference.LedgerRecords, resumed.LedgerRecords);
    }
}
