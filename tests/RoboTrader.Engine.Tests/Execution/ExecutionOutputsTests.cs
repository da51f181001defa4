using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>trades.csv, orders.csv and equity.csv of a whole backtest through the pipeline, row by row.</summary>
public sealed class ExecutionOutputsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_SignalFlips_WritesEveryFillTransitionAndEquitySample()
    {
        // fast 1 / slow 2 sma-cross: buy 100 on seq 1, filled on 2; sell 200 on 2, filled on 3; buy 200 on 4, cancelled at the end.
        var source = new ListFrameSource(new DateOnly(2013, 10, 7), "BAC")
            .Trade("BAC", 1, 100_000)
            .Trade("BAC", 2, 110_000)
            .Trade("BAC", 3, 105_000)
            .Trade("BAC", 4, 104_000)
            .Trade("BAC", 5, 106_000);
        var options = new BacktestOptions(
            _temp.Combine("out"),
            new SmaCrossOptions(1, 2, Quantity.FromUnits(100)),
            new ExecutionOptions(default),
            RiskOptions.Default,
            new PipelineOptions(1 << 10, WaitStrategyKind.Yielding, StagePlacement.Default, 1),
            []);

        BacktestRunner.Run(source, options);

        Assert.Equal(
            [
                "seq,time,symbol,side,qty,price,fee,order_id,order_type,limit_price,stop_price,position,realized_pnl",
                "2,2013-10-07T04:00:00.003000Z,BAC,BUY,100,10.5,0,1,MARKET,,,100,0",
                "3,2013-10-07T04:00:00.004000Z,BAC,SELL,200,10.4,0,2,MARKET,,,-100,-10",
            ],
            File.ReadAllLines(_temp.Combine("out", "trades.csv")));
        Assert.Equal(
            [
                "seq,time,order_id,symbol,side,type,tif,qty,limit_price,stop_price,status,filled_qty,reason",
                "1,2013-10-07T04:00:00.002000Z,1,BAC,BUY,MARKET,GTC,100,,,NEW,0,",
                "1,2013-10-07T04:00:00.002000Z,1,BAC,BUY,MARKET,GTC,100,,,ACCEPTED,0,",
                "2,2013-10-07T04:00:00.003000Z,1,BAC,BUY,MARKET,GTC,100,,,FILLED,100,",
                "2,2013-10-07T04:00:00.003000Z,2,BAC,SELL,MARKET,GTC,200,,,NEW,0,",
                "2,2013-10-07T04:00:00.003000Z,2,BAC,SELL,MARKET,GTC,200,,,ACCEPTED,0,",
                "3,2013-10-07T04:00:00.004000Z,2,BAC,SELL,MARKET,GTC,200,,,FILLED,200,",
                "4,2013-10-07T04:00:00.005000Z,3,BAC,BUY,MARKET,GTC,200,,,NEW,0,",
                "4,2013-10-07T04:00:00.005000Z,3,BAC,BUY,MARKET,GTC,200,,,ACCEPTED,0,",
                "5,2013-10-07T04:00:00.005000Z,3,BAC,BUY,MARKET,GTC,200,,,CANCELLED,0,ExecutionCancelledAtEnd",
            ],
            File.ReadAllLines(_temp.Combine("out", "orders.csv")));
        Assert.Equal(
            [
                "time,equity,cash,gross_exposure,net_exposure,realized_pnl,unrealized_pnl,fees",
                "2013-10-07T04:00:00.000000Z,1000000,1000000,0,0,0,0,0",
                "2013-10-07T04:00:00.005000Z,999970,1001030,1060,-1060,-10,-20,0",
            ],
            File.ReadAllLines(_temp.Combine("out", "equity.csv")));
    }
}
