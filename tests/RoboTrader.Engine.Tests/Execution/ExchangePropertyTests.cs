using FsCheck;
using FsCheck.Fluent;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>Properties of the simulated exchange and the portfolio over random event and order sequences, under every fill model.</summary>
public sealed class ExchangePropertyTests
{
    /// <summary>One step: an event (kind 0 trade, 1 quote, 2 bar) of a symbol with prices around a level, and maybe an intent.</summary>
    public sealed record Step(int Kind, int Symbol, int Level, int Spread, int Size, int Order, int Side, int Offset, int Qty, int Tif);

    private static readonly Gen<Step> s_step =
        from kind in Gen.Choose(0, 2)
        from symbol in Gen.Choose(0, 1)
        from level in Gen.Choose(900, 1100)
        from spread in Gen.Choose(1, 20)
        from size in Gen.Choose(0, 500)
        from order in Gen.Choose(0, 9)
        from side in Gen.Choose(0, 1)
        from offset in Gen.Choose(-30, 30)
        from qty in Gen.Choose(1, 400)
        from tif in Gen.Choose(0, 3)
        select new Step(kind, symbol, level, spread, size, order, side, offset, qty, tif);

    private static readonly Arbitrary<(int Model, int Slippage, Step[] Steps)> s_runs =
        (from model in Gen.Choose(0, 2)
         from slippage in Gen.Choose(0, 3)
         from steps in Gen.ArrayOf(s_step)
         select (model, slippage, steps)).ToArbitrary();

    private static Price Cents(long cents) => new(cents * (FixedPoint.Scale / 100));

    /// <summary>Runs the steps; returns the harness and, per fill, the limit of the order it came from (zero for none).</summary>
    private static ExchangeHarness Run(int model, int slippage, Step[] steps)
    {
        var options = new ExecutionOptions(new BasisPoints(FixedPoint.Scale / 2))
        {
            FillModel = (FillModel)model,
            SlippageTicks = slippage,
            InitialCash = new Money((Int128)100_000 * FixedPoint.Scale),
            FeePerShare = new Price(FixedPoint.Scale / 1000),
        };
        var x = new ExchangeHarness(options, symbols: 2);
        var ms = 0L;
        foreach (var s in steps)
        {
            ms += 1000;
            var symbol = new SymbolId(s.Symbol);
            var price = Cents(s.Level);
            var e = s.Kind switch
            {
                0 => new MarketEvent { Kind = MarketEventKind.Trade, Price = price, Size = Quantity.FromUnits(100) },
                1 => new MarketEvent { Kind = MarketEventKind.Quote, Bid = price, Ask = Cents(s.Level + s.Spread), BidSize = Quantity.FromUnits(s.Size), AskSize = Quantity.FromUnits(s.Size) },
                _ => new MarketEvent { Kind = MarketEventKind.TradeBar, Open = price, High = Cents(s.Level + s.Spread), Low = Cents(s.Level - s.Spread), Price = Cents(s.Level + (s.Spread / 2)) },
            };
            e.Symbol = symbol;
            e.TimeNanos = ExchangeHarness.Ms(ms);
            var reference = Cents(s.Level + s.Offset);
            var side = s.Side == 0 ? Side.Buy : Side.Sell;
            var intent = s.Order switch
            {
                0 => Intents.Market(side, s.Qty, (TimeInForce)s.Tif, s.Symbol),
                1 or 2 or 3 => Intents.Limit(side, s.Qty, reference.ToString(), (TimeInForce)s.Tif, s.Symbol),
                4 => Intents.Stop(side, s.Qty, reference.ToString(), (TimeInForce)s.Tif, s.Symbol),
                5 => Intents.Bracket(Intents.Market(side, s.Qty, symbol: s.Symbol), Cents(s.Level + (side == Side.Buy ? 40 : -40)).ToString(), Cents(s.Level + (side == Side.Buy ? -40 : 40)).ToString()),
                6 => Intents.Cancel(1 + (s.Qty % Math.Max(1, x.Stage.Orders)), side, s.Symbol),
                _ => default,
            };
            x.Run(e, intent);
        }

        x.End();
        return x;
    }

    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void LimitOrders_NeverFillAtAWorsePriceThanTheLimit_SlippageIncluded()
    {
        Check.One(s_config, Prop.ForAll(s_runs, run =>
        {
            var x = Run(run.Model, run.Slippage, run.Steps);
            return x.Fills.Where(f => f.OrderType is OrderType.Limit or OrderType.StopLimit)
                .All(f => f.Side == Side.Buy ? f.Price <= f.LimitPrice : f.Price >= f.LimitPrice);
        }));
    }

    [Fact]
    public void Position_AlwaysEqualsTheSumOfSignedFills_AndEveryFillCarriesIt()
    {
        Check.One(s_config, Prop.ForAll(s_runs, run =>
        {
            var x = Run(run.Model, run.Slippage, run.Steps);
            var running = new long[2];
            foreach (var f in x.Fills)
            {
                running[f.Symbol.Value] += f.Side == Side.Buy ? f.Quantity.Raw : -f.Quantity.Raw;
                if (running[f.Symbol.Value] != f.PositionAfter.Raw || f.Quantity.Raw <= 0)
                {
                    return false;
                }
            }

            return running[0] == x.Portfolio.PositionOf(new SymbolId(0)).Raw && running[1] == x.Portfolio.PositionOf(new SymbolId(1)).Raw;
        }));
    }

    [Fact]
    public void Equity_IsCashPlusPositionsAtTheirLastPrices_AndEverySampleAddsUp()
    {
        Check.One(s_config, Prop.ForAll(s_runs, run =>
        {
            var x = Run(run.Model, run.Slippage, run.Steps);
            var p = x.Portfolio;
            var marked = p.Cash;
            for (var s = 0; s < 2; s++)
            {
                marked += Money.Notional(p.PositionOf(new SymbolId(s)), p.MarkOf(new SymbolId(s)));
            }

            var cashFromFills = p.InitialCash - x.Fills.Aggregate(Money.Zero, (sum, f) => sum + (f.Side == Side.Buy ? Money.Notional(f.Quantity, f.Price) : -Money.Notional(f.Quantity, f.Price)) + f.Fee);
            return marked == p.Equity
                && cashFromFills == p.Cash
                && p.Equity == p.InitialCash + p.RealizedPnl + p.UnrealizedPnl - p.Fees
                && x.Samples.All(s => s.Equity == s.Cash + s.NetExposure && s.Equity == p.InitialCash + s.RealizedPnl + s.UnrealizedPnl - s.Fees);
        }));
    }

    [Fact]
    public void OrderHistories_FollowTheStateMachine_AndEndTerminal()
    {
        Check.One(s_config, Prop.ForAll(s_runs, run =>
        {
            var x = Run(run.Model, run.Slippage, run.Steps);
            foreach (var history in x.Events.GroupBy(e => e.OrderId.Value))
            {
                var statuses = history.Where(e => e.Reason != Core.Errors.ErrorCode.ExecutionAmended).Select(e => e.Status).ToList();
                if (statuses[0] != OrderStatus.New || !OrderStateMachine.IsTerminal(statuses[^1]))
                {
                    return false;
                }

                for (var i = 1; i < statuses.Count; i++)
                {
                    if (!OrderStateMachine.IsLegal(statuses[i - 1], statuses[i]))
                    {
                        return false;
                    }
                }
            }

            return x.Events.Select(e => e.OrderId.Value).Distinct().Count() == x.Stage.Orders;
        }));
    }
}
