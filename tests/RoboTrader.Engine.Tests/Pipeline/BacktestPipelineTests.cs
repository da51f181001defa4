using System.Text;
using System.Text.Json;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Pipeline;

public sealed class BacktestPipelineTests : IDisposable
{
    private static readonly DateOnly s_day = new(2013, 10, 7);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private BacktestOptions Options(
        string name,
        int fast = 1,
        int slow = 2,
        long qty = 100,
        long feeBps = 0,
        string placement = "parse,risk,decide,execute,persist",
        WaitStrategyKind wait = WaitStrategyKind.Yielding,
        int ringSize = 1 << 10,
        RiskOptions? risk = null,
        int publishBatch = 1)
        => new(
            _temp.Combine(name),
            new SmaCrossOptions(fast, slow, Quantity.FromUnits(qty)),
            new ExecutionOptions(new BasisPoints(feeBps * FixedPoint.Scale)),
            risk ?? RiskOptions.Default,
            new PipelineOptions(ringSize, wait, StagePlacement.Parse(placement), publishBatch),
            []);

    private string[] FillRows(string name) => File.ReadAllLines(_temp.Combine(name, "fills.csv"));

    [Fact]
    public void Run_MarketOrder_FillsAtNextNonSuspiciousTradeOfItsSymbol()
    {
        // fast 1 / slow 2: the signal goes up on a rising print, down on a falling one.
        var source = new ListFrameSource(s_day, "BAC", "IBM")
            .Trade("BAC", 36_000_000, 100_000)        // seq 0
            .Trade("BAC", 36_000_001, 110_000)        // seq 1: up → buy 100
            .Trade("IBM", 36_000_002, 1_800_000)      // seq 2: other symbol, no fill
            .Quote("BAC", 36_000_003, 100_000, 120_000) // seq 3: quote, no fill
            .Trade("BAC", 36_000_004, 90_000, suspicious: true) // seq 4: suspicious, no fill
            .Trade("BAC", 36_000_005, 115_000);       // seq 5: fills at 11.5; still up

        var summary = BacktestRunner.Run(source, Options("fill", feeBps: 1));

        Assert.Equal(
            ["seq,time,symbol,side,qty,price,fee", "5,2013-10-07T14:00:00.005000Z,BAC,BUY,100,11.5,0.115"],
            FillRows("fill"));
        Assert.Equal(1, summary.Orders);
        Assert.Equal(1, summary.Fills);
        Assert.Equal(1, summary.Suspicious);
        Assert.Equal(6, summary.Events);
        Assert.Equal(5, summary.Trades);
        Assert.Equal(1, summary.Quotes);
        Assert.Equal("0.115", summary.Fees.ToString());
        Assert.Equal("0", summary.UnrealizedPnl.ToString());
    }

    [Fact]
    public void Run_SignalFlips_OrdersDifferenceAndRealizesPnl()
    {
        var source = new ListFrameSource(s_day, "BAC")
            .Trade("BAC", 1, 100_000)   // 0
            .Trade("BAC", 2, 110_000)   // 1: up → buy 100
            .Trade("BAC", 3, 105_000)   // 2: fill buy @10.5; down → sell 200
            .Trade("BAC", 4, 104_000)   // 3: fill sell 200 @10.4 → realized −10, short 100
            .Trade("BAC", 5, 106_000);  // 4: up → buy 200, left working at the end → cancelled

        var summary = BacktestRunner.Run(source, Options("flip"));

        Assert.Equal(
            ["seq,time,symbol,side,qty,price,fee",
             "2,2013-10-07T04:00:00.003000Z,BAC,BUY,100,10.5,0",
             "3,2013-10-07T04:00:00.004000Z,BAC,SELL,200,10.4,0"],
            FillRows("flip"));
        Assert.Equal(3, summary.Orders);
        Assert.Equal(2, summary.Fills);
        Assert.Equal(1, summary.OrdersCancelled);
        Assert.Equal("-10", summary.RealizedPnl.ToString());
        Assert.Equal("-20", summary.UnrealizedPnl.ToString()); // short 100 from 10.4, marked at 10.6
        Assert.Equal(Quantity.FromUnits(-100), summary.Positions.Single().Value);
    }

    [Fact]
    public void Run_MalformedFrames_AreDeadLetteredWithExactBytesAndAccounted()
    {
        var bad = new byte[] { (byte)'1', (byte)',', 0xFF, 0x00, (byte)'\r' };
        var source = new ListFrameSource(s_day, "BAC")
            .Trade("BAC", 1, 100_000)
            .AddBytes("BAC", FrameFormat.LeanTradeTick, bad)
            .Add("BAC", FrameFormat.LeanTradeTick, "2,110000,100,P,0")
            .Add("BAC", FrameFormat.LeanTradeTick, "x,y")
            .Trade("BAC", 3, 110_000);

        var summary = BacktestRunner.Run(source, Options("dead"));

        Assert.Equal(5, summary.Events);
        Assert.Equal(2, summary.ParsedStrict);
        Assert.Equal(1, summary.ParsedLenient); // the missing 'suspicious' field is tolerated by the lenient level
        Assert.Equal(0, summary.ParsedBasic);
        Assert.Equal(2, summary.DeadLettered);
        Assert.Equal(summary.Events, summary.ParsedStrict + summary.ParsedLenient + summary.ParsedBasic + summary.DeadLettered);
        var letters = File.ReadAllLines(_temp.Combine("dead", "deadletters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, letters.Count);
        Assert.Equal(bad, letters[0].GetProperty("frame_base64").GetBytesFromBase64());
        Assert.Equal("E202", letters[0].GetProperty("error").GetString());
        Assert.Equal(1, letters[0].GetProperty("seq").GetInt64());
        var levels = letters[0].GetProperty("levels").EnumerateArray().Select(l => (l.GetProperty("level").GetString(), l.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("strict", "ParseBadNumber"), ("lenient", "ParseFieldCount"), ("basic", "ParseBadNumber")], levels);
        Assert.Equal("ParseBadNumber", letters[1].GetProperty("reason").GetString());
        Assert.Equal("x,y", Encoding.ASCII.GetString(letters[1].GetProperty("frame_base64").GetBytesFromBase64()));
    }

    [Fact]
    public void Run_KillSwitchEngaged_NoOrders()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 1, 100_000).Trade("BAC", 2, 110_000).Trade("BAC", 3, 120_000);

        var summary = BacktestRunner.Run(source, Options("kill", risk: RiskOptions.Default with { KillSwitchEngaged = true }));

        Assert.Equal(0, summary.Orders);
        Assert.Equal(2, summary.RiskRefused);
        Assert.NotNull(summary.KillSwitch);
    }

    [Fact]
    public void Run_PositionLimit_ClampsOrders()
    {
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 1, 100_000).Trade("BAC", 2, 110_000).Trade("BAC", 3, 120_000);

        var summary = BacktestRunner.Run(source, Options("limit", risk: RiskOptions.Default with { MaxPosition = Quantity.FromUnits(30) }));

        Assert.Equal(Quantity.FromUnits(30), summary.Positions.Single().Value);
        Assert.Equal(1, summary.RiskClamped);
        Assert.Equal(1, summary.RiskRefused); // second print: nothing left to buy
    }

    public static TheoryData<string, WaitStrategyKind, int, int> Deployments => new()
    {
        { "parse,risk,decide,execute,persist", WaitStrategyKind.Yielding, 1 << 10, 1 },
        { "parse|risk,decide,execute,persist", WaitStrategyKind.Yielding, 8, 1 },
        { "parse|risk,decide,execute|persist", WaitStrategyKind.Blocking, 16, 3 },
        { "parse,risk,decide,execute|persist", WaitStrategyKind.Sleeping, 4, 4 },
        { "parse|risk,decide,execute|persist", WaitStrategyKind.BusySpin, 64, 64 },
        { "parse,risk,decide,execute,persist", WaitStrategyKind.Blocking, 8, 8 },
        { "ingest,parse|risk,decide,execute,persist", WaitStrategyKind.Yielding, 8, 1 },
        { "ingest,parse,risk,decide,execute|persist", WaitStrategyKind.Sleeping, 16, 4 },
        { "ingest,parse|risk,decide,execute|persist", WaitStrategyKind.BusySpin, 64, 64 },
    };

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Run_AnyPlacementWaitRingSizeAndPublishBatch_GivesIdenticalOutputs(string placement, WaitStrategyKind wait, int ringSize, int publishBatch)
    {
        var reference = BacktestRunner.Run(RandomWalk(), Options("ref", fast: 5, slow: 20, feeBps: 1));
        var other = BacktestRunner.Run(RandomWalk(), Options("other", fast: 5, slow: 20, feeBps: 1, placement: placement, wait: wait, ringSize: ringSize, publishBatch: publishBatch));

        Assert.Equal(File.ReadAllBytes(_temp.Combine("ref", "fills.csv")), File.ReadAllBytes(_temp.Combine("other", "fills.csv")));
        Assert.True(reference.Fills > 10, "the random walk should trade");
        Assert.Equal(reference.Fills, other.Fills);
        Assert.Equal(reference.RealizedPnl, other.RealizedPnl);
        Assert.Equal(reference.UnrealizedPnl, other.UnrealizedPnl);
        Assert.Equal(reference.Fees, other.Fees);
    }

    [Fact]
    public void Run_PinnedThreads_GivesIdenticalOutputs()
    {
        BacktestRunner.Run(RandomWalk(), Options("unpinned", fast: 5, slow: 20, feeBps: 1));
        var pinned = Options("pinned", fast: 5, slow: 20, feeBps: 1, placement: "parse|risk,decide,execute,persist");
        BacktestRunner.Run(RandomWalk(), pinned with { Pipeline = pinned.Pipeline with { PinThreads = true } });

        Assert.Equal(File.ReadAllBytes(_temp.Combine("unpinned", "fills.csv")), File.ReadAllBytes(_temp.Combine("pinned", "fills.csv")));
    }

    [Theory]
    [InlineData("parse|risk,decide,execute|persist")]
    [InlineData("ingest,parse|risk,decide,execute,persist")] // the default: the trading group calls its stages directly
    public void Run_ThrowingStrategyStage_HaltsTradingAndDeadLettersTheEvent(string placement)
    {
        var killSwitch = new KillSwitch();
        var registry = new SourceRegistry();
        var source = new ListFrameSource(s_day, "BAC").Trade("BAC", 1, 100_000).Trade("BAC", 2, 110_000).Trade("BAC", 3, 120_000);
        source.RegisterSources(registry);
        var portfolio = new Portfolio(1);
        var parse = new ParseStage(registry);
        var folder = _temp.Combine("fault-" + placement.Replace('|', '_').Replace(',', '-'));
        using var persist = new Engine.Persistence.PersistStage(new Engine.Persistence.PersistOptions(folder), source.Symbols, registry);
        using var pipeline = EnginePipeline.Build(
            new PipelineOptions(8, WaitStrategyKind.Yielding, StagePlacement.Parse(placement)),
            registry,
            [
                (parse, FaultPolicy.SkipAndRecord),
                (new RiskStage(RiskOptions.Default, killSwitch, portfolio, 1), FaultPolicy.HaltTrading),
                (new DecideStage(new ThrowingStrategy(throwAt: 1), portfolio), FaultPolicy.HaltTrading),
                (new ExecuteStage(portfolio, new ExecutionOptions(default)), FaultPolicy.HaltTrading),
                (persist, FaultPolicy.HaltTrading),
            ],
            killSwitch);
        parse.Prepare();
        pipeline.Start();
        source.Run(pipeline.Ingest, CancellationToken.None);
        pipeline.Complete();

        Assert.True(killSwitch.IsEngaged);
        Assert.Contains("Decide", killSwitch.Reason, StringComparison.Ordinal);
        Assert.Equal(1, pipeline.Stages[(int)StageKind.Decide].Faults);
        var letter = JsonDocument.Parse(File.ReadAllLines(Path.Combine(folder, "deadletters.jsonl")).Single()).RootElement;
        Assert.Equal(1, letter.GetProperty("seq").GetInt64());
        Assert.Equal("E702", letter.GetProperty("error").GetString());
        Assert.Contains("boom", letter.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, parse.ParsedStrict);
    }

    private static ListFrameSource RandomWalk()
    {
        var random = new Random(31337);
        var source = new ListFrameSource(s_day, "AAA", "BBB");
        long a = 1_000_000, b = 500_000;
        for (var i = 0; i < 20_000; i++)
        {
            var ms = 34_200_000 + i;
            if (random.Next(3) == 0)
            {
                source.Quote("AAA", ms, a - 100, a + 100);
            }
            else if (random.Next(2) == 0)
            {
                a = Math.Max(100, a + random.Next(-300, 301));
                source.Trade("AAA", ms, a, suspicious: random.Next(500) == 0);
            }
            else
            {
                b = Math.Max(100, b + random.Next(-200, 201));
                source.Trade("BBB", ms, b);
            }
        }

        return source;
    }

    private sealed class ThrowingStrategy(long throwAt) : IStrategy
    {
        public void OnMarketEvent(in Core.Market.MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref Core.Trading.OrderIntent intent)
        {
            if (sequence == throwAt)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }
}
