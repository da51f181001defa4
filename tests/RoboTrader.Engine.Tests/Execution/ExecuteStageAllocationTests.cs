using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>Execute allocates nothing per event in steady state, whatever the fill model and order mix.</summary>
[Collection(Pipeline.AllocationMeasurementCollection.Name)]
public sealed class ExecuteStageAllocationTests
{
    public static TheoryData<FillModel> Models => [FillModel.NextTick, FillModel.Quote, FillModel.Bar];

    [Theory]
    [MemberData(nameof(Models))]
    public void OnEvent_SteadyState_AllocatesNothing(FillModel model)
    {
        var portfolio = new Portfolio(2);
        var stage = new ExecuteStage(portfolio, new ExecutionOptions(new BasisPoints(FixedPoint.Scale))
        {
            FillModel = model,
            LatencyMilliseconds = 1,
            SlippageBps = new BasisPoints(FixedPoint.Scale),
            FeePerShare = new Price(FixedPoint.Scale / 1000),
            EquityInterval = TimeSpan.FromSeconds(1),
        });
        var slot = new PipelineSlot();
        var sequence = 0L;
        var random = new Random(7);
        Drive(stage, portfolio, slot, random, ref sequence, 100_000); // warm up: JIT, slot and book arrays at their working size

        // A per-event allocation shows in every window; a one-off (the JIT compiling a method late, under load) only in one.
        var windows = new List<long>();
        for (var w = 0; w < 5 && (windows.Count == 0 || windows[^1] != 0); w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Drive(stage, portfolio, slot, random, ref sequence, 50_000);
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(stage.Fills > 1000, "the run should trade");
        Assert.True(windows[^1] == 0, $"bytes allocated per window of 50,000 events: {string.Join(", ", windows)}");
    }

    /// <summary>A random walk of trades, quotes and bars on two symbols with market, limit, stop, DAY, IOC, bracket, cancel and replace intents (at most 12 working orders per symbol).</summary>
    private static void Drive(ExecuteStage stage, Portfolio portfolio, PipelineSlot slot, Random random, ref long sequence, int events)
    {
        for (var i = 0; i < events; i++, sequence++)
        {
            var level = 1000 + (int)(sequence % 40) + random.Next(0, 20);
            var price = new Price(level * (FixedPoint.Scale / 100));
            var kind = (MarketEventKind)random.Next(1, 4);
            slot.Kind = SlotKind.Frame;
            slot.Market = new MarketEvent
            {
                Kind = kind,
                Symbol = new SymbolId((int)(sequence & 1)),
                TimeNanos = 1_381_152_600_000_000_000 + (sequence * 10_000_000), // from 2013-10-07 13:30 UTC, 10 ms apart
                Price = price,
                Open = price,
                High = new Price(price.Raw + (FixedPoint.Scale / 10)),
                Low = new Price(price.Raw - (FixedPoint.Scale / 10)),
                Bid = price,
                Ask = new Price(price.Raw + (FixedPoint.Scale / 100)),
                BidSize = Quantity.FromUnits(random.Next(0, 300)),
                AskSize = Quantity.FromUnits(random.Next(0, 300)),
                Size = Quantity.FromUnits(100),
            };
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var sign = side == Side.Buy ? 1 : -1;
            slot.Intent = (sequence % 7) switch
            {
                0 => new OrderIntent { Symbol = slot.Market.Symbol, Side = side, Type = OrderType.Market, Quantity = Quantity.FromUnits(random.Next(1, 400)), TimeInForce = (TimeInForce)random.Next(0, 4) },
                1 => new OrderIntent { Symbol = slot.Market.Symbol, Side = side, Type = OrderType.Limit, Quantity = Quantity.FromUnits(100), LimitPrice = new Price(price.Raw - (sign * FixedPoint.Scale / 20)), TimeInForce = TimeInForce.Day },
                2 => new OrderIntent { Symbol = slot.Market.Symbol, Side = side, Type = OrderType.Stop, Quantity = Quantity.FromUnits(100), StopPrice = new Price(price.Raw + (sign * FixedPoint.Scale / 20)) },
                3 => new OrderIntent { Symbol = slot.Market.Symbol, Side = side, Type = OrderType.Market, Quantity = Quantity.FromUnits(200), TakeProfitPrice = new Price(price.Raw + (sign * FixedPoint.Scale / 5)), StopLossPrice = new Price(price.Raw - (sign * FixedPoint.Scale / 5)) },
                4 => new OrderIntent { Symbol = slot.Market.Symbol, Side = side, Action = OrderAction.Cancel, Target = new ClientOrderId(Math.Max(1, stage.Orders - random.Next(0, 5))) },
                5 => new OrderIntent { Symbol = slot.Market.Symbol, Side = side, Action = OrderAction.Replace, Type = OrderType.Limit, Quantity = Quantity.FromUnits(50), LimitPrice = price, Target = new ClientOrderId(Math.Max(1, stage.Orders - random.Next(0, 5))) },
                _ => default,
            };
            var working = portfolio.WorkingOrders(slot.Market.Symbol);
            if (working.Length >= 12)
            {
                // Keep the books at a steady size: cancel the oldest working order instead.
                slot.Intent = new OrderIntent { Symbol = slot.Market.Symbol, Side = working[0].Side, Action = OrderAction.Cancel, Target = working[0].Id };
            }

            stage.OnEvent(slot, sequence, endOfBatch: true);
        }
    }
}
