using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Persistence;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>A bracket intent from a strategy through the whole pipeline (risk, decide, execute fused; persist on its own thread) to the outputs.</summary>
public sealed class BracketPipelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("parse,risk,decide,execute,persist")]
    [InlineData("parse|risk,decide,execute|persist")]
    public void BracketEntry_FillsThenTakeProfitFills_StopLossIsCancelled(string placement)
    {
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), "BAC")
            .Trade("BAC", 1, 100_000)   // seq 0: the strategy sends a bracket buy 100, take-profit 10.50, stop-loss 9.50
            .Trade("BAC", 2, 101_000)   // seq 1: entry fills at 10.10; exits 2 (limit 10.50) and 3 (stop 9.50)
            .Trade("BAC", 3, 104_000)   // seq 2: nothing
            .Trade("BAC", 4, 105_000);  // seq 3: take-profit fills at 10.50, the stop-loss is cancelled
        var registry = new SourceRegistry();
        source.RegisterSources(registry);
        var killSwitch = new KillSwitch();
        var portfolio = new Portfolio(1);
        var parse = new ParseStage(registry);
        var execute = new ExecuteStage(portfolio, new ExecutionOptions(default));
        using (var persist = new PersistStage(new PersistOptions(_temp.Path), source.Symbols, registry))
        using (var pipeline = EnginePipeline.Build(
            new PipelineOptions(8, WaitStrategyKind.Yielding, StagePlacement.Parse(placement), 1),
            registry,
            [
                (parse, FaultPolicy.SkipAndRecord),
                (new RiskStage(RiskOptions.Default, killSwitch, portfolio, 1), FaultPolicy.HaltTrading),
                (new DecideStage(new OneBracket(), portfolio), FaultPolicy.HaltTrading),
                (execute, FaultPolicy.HaltTrading),
                (persist, FaultPolicy.HaltTrading),
            ],
            killSwitch))
        {
            parse.Prepare();
            pipeline.Start();
            source.Run(pipeline.Ingest, CancellationToken.None);
            pipeline.Complete();
        }

        Assert.Equal(
            [
                "seq,time,symbol,side,qty,price,fee,order_id,order_type,limit_price,stop_price,position,realized_pnl",
                "1,2013-10-07T04:00:00.002000Z,BAC,BUY,100,10.1,0,1,MARKET,,,100,0",
                "3,2013-10-07T04:00:00.004000Z,BAC,SELL,100,10.5,0,2,LIMIT,10.5,,0,40",
            ],
            File.ReadAllLines(_temp.Combine("trades.csv")));
        Assert.Equal(
            [
                "0,1,NEW,", "0,1,ACCEPTED,", "1,1,FILLED,",
                "1,2,NEW,", "1,2,ACCEPTED,", "1,3,NEW,", "1,3,ACCEPTED,",
                "3,2,FILLED,", "3,3,CANCELLED,ExecutionOcoCancelled",
            ],
            File.ReadAllLines(_temp.Combine("orders.csv")).Skip(1).Select(l => l.Split(',')).Select(f => $"{f[0]},{f[2]},{f[10]},{f[12]}"));
        Assert.Equal((3L, 2L, 1L), (execute.Orders, execute.Fills, execute.Cancelled));
        Assert.Equal(0, killSwitch.IsEngaged ? 1 : 0);
    }

    /// <summary>Sends one bracket buy on the first trade print.</summary>
    private sealed class OneBracket : IStrategy
    {
        private bool _sent;

        public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
        {
            if (_sent || !e.IsTradePrint)
            {
                return;
            }

            _sent = true;
            intent.Symbol = e.Symbol;
            intent.Side = Side.Buy;
            intent.Type = OrderType.Market;
            intent.Quantity = Quantity.FromUnits(100);
            intent.ReferencePrice = e.Price;
            intent.TakeProfitPrice = new Price(e.Price.Raw + (FixedPoint.Scale / 2));
            intent.StopLossPrice = new Price(e.Price.Raw - (FixedPoint.Scale / 2));
        }
    }
}
