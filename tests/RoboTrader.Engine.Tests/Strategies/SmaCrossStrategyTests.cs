using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Tests.Strategies;

public sealed class SmaCrossStrategyTests
{
    private static readonly SymbolId s_symbol = new(0);

    private static MarketEvent Trade(long price, bool suspicious = false) => new()
    {
        Kind = MarketEventKind.Trade,
        Symbol = s_symbol,
        Price = Price.FromUnits(price),
        Flags = suspicious ? MarketEventFlags.Suspicious : MarketEventFlags.None,
    };

    private static OrderIntent Feed(SmaCrossStrategy strategy, Portfolio portfolio, MarketEvent e)
    {
        var intent = default(OrderIntent);
        strategy.OnMarketEvent(in e, 0, default(RiskEnvelope), portfolio, ref intent);
        return intent;
    }

    [Fact]
    public void OnMarketEvent_NoSignalBeforeSlowWindowIsFull()
    {
        var portfolio = new Portfolio(1);
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(2, 3, Quantity.FromUnits(10)), 1);

        Assert.False(Feed(strategy, portfolio, Trade(10)).IsPresent);
        Assert.False(Feed(strategy, portfolio, Trade(11)).IsPresent);
        Assert.Equal(0, strategy.SignalOf(s_symbol));
    }

    [Fact]
    public void OnMarketEvent_FastAboveSlow_BuysTargetQuantity()
    {
        var portfolio = new Portfolio(1);
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(2, 3, Quantity.FromUnits(10)), 1);
        Feed(strategy, portfolio, Trade(10));
        Feed(strategy, portfolio, Trade(11));

        // last 2: 11+12=23, ×3 = 69; last 3: 33, ×2 = 66 → up.
        var intent = Feed(strategy, portfolio, Trade(12));

        Assert.Equal(1, strategy.SignalOf(s_symbol));
        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(Quantity.FromUnits(10), intent.Quantity);
        Assert.Equal(OrderType.Market, intent.Type);
        Assert.Equal(Price.FromUnits(12), intent.ReferencePrice);
    }

    [Fact]
    public void OnMarketEvent_EqualAverages_KeepSignal()
    {
        var portfolio = new Portfolio(1);
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(2, 3, Quantity.FromUnits(10)), 1);
        Feed(strategy, portfolio, Trade(10));
        Feed(strategy, portfolio, Trade(11));
        Feed(strategy, portfolio, Trade(12)); // +1

        // window 11,12,11.5→ use integers: 12,12,12 after two more equal prints: fast 24×3=72, slow 36×2=72 → unchanged.
        Feed(strategy, portfolio, Trade(12));
        Feed(strategy, portfolio, Trade(12));

        Assert.Equal(1, strategy.SignalOf(s_symbol));
    }

    [Fact]
    public void OnMarketEvent_SuspiciousPrints_AreIgnored()
    {
        var portfolio = new Portfolio(1);
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(1, 2, Quantity.FromUnits(10)), 1);
        Feed(strategy, portfolio, Trade(10));
        Assert.False(Feed(strategy, portfolio, Trade(1, suspicious: true)).IsPresent);

        // Only 10 and 9 count: fast 9×2=18 < slow 19×1 → down.
        var intent = Feed(strategy, portfolio, Trade(9));
        Assert.Equal(-1, strategy.SignalOf(s_symbol));
        Assert.Equal(Side.Sell, intent.Side);
    }

    [Fact]
    public void OnMarketEvent_QuotesAndBarsOfOtherKinds_AreIgnored()
    {
        var portfolio = new Portfolio(1);
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(1, 1, Quantity.FromUnits(10)), 1);
        var quote = new MarketEvent { Kind = MarketEventKind.Quote, Symbol = s_symbol, Bid = Price.FromUnits(1), Ask = Price.FromUnits(2) };
        Assert.False(Feed(strategy, portfolio, quote).IsPresent);
    }

    [Fact]
    public void OnMarketEvent_SeededPrices_MatchNaiveMovingAverages()
    {
        var random = new Random(99);
        const int fast = 5, slow = 17;
        var portfolio = new Portfolio(1);
        var strategy = new SmaCrossStrategy(new SmaCrossOptions(fast, slow, Quantity.FromUnits(1)), 1);
        var prices = new List<long>();
        var expected = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var p = random.Next(1_000, 1_050);
            prices.Add(p);
            Feed(strategy, portfolio, Trade(p));
            if (prices.Count >= slow)
            {
                var f = prices.Skip(prices.Count - fast).Sum() * (long)slow;
                var s = prices.Skip(prices.Count - slow).Sum() * (long)fast;
                expected = f > s ? 1 : f < s ? -1 : expected;
            }

            Assert.Equal(expected, strategy.SignalOf(s_symbol));
        }
    }
}
