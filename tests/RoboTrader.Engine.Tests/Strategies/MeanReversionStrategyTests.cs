using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Strategies;
using static RoboTrader.Engine.Tests.Strategies.StrategyEvents;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>
/// mean-reversion on hand-made prints. With a window of N prices, S = Σp, Q = Σp², D = N·p − S and V = N·Q − S²,
/// the z-score is D / √V; every value in the comments below is worked out that way.
/// </summary>
public sealed class MeanReversionStrategyTests
{
    private static MeanReversionStrategy Strategy(int window, string entry, string exit, long qty = 10, string tick = "0.01")
        => new(new MeanReversionOptions(window, Z(entry), Z(exit), Quantity.FromUnits(qty), P(tick)), 1);

    private static ZScore Z(string text) => ZScore.TryParse(text, out var z) ? z : throw new FormatException(text);

    private static void AssertLimit(OrderIntent intent, OrderAction action, Side side, long qty, string limit, long target = 0)
    {
        Assert.True(intent.IsPresent, "an intent was expected");
        Assert.Equal(action, intent.Action);
        Assert.Equal(side, intent.Side);
        Assert.Equal(OrderType.Limit, intent.Type);
        Assert.Equal(Quantity.FromUnits(qty), intent.Quantity);
        Assert.Equal(P(limit), intent.LimitPrice);
        Assert.Equal(new ClientOrderId(target), intent.Target);
    }

    [Fact]
    public void OnMarketEvent_FullLifeCycle_EntersAtPriceLeavesFillingOrderAloneExitsAtMeanAndRepricesIt()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(5, "2", "0.5");
        foreach (var p in new[] { "10", "10", "10", "10" })
        {
            Assert.False(Feed(strategy, venue.Portfolio, Trade(p)).IsPresent); // the window is not full yet
        }

        // [10,10,10,10,5]: S=45, Q=425, D=25−45=−20, V=2125−2025=100 → z = −20/10 = −2 exactly: z ≤ −2 → buy 10 @ 5.
        var entry = Feed(strategy, venue.Portfolio, Trade("5"));
        AssertLimit(entry, OrderAction.New, Side.Buy, 10, "5");
        Assert.Equal(P("5"), entry.ReferencePrice);
        var entryId = venue.Apply(in entry);

        // [10,10,10,5,5]: D=−15, V=150, z=−1.22: the signal is gone, but the print (5) reaches the buy at 5: it fills, leave it.
        Assert.False(Feed(strategy, venue.Portfolio, Trade("5")).IsPresent);
        venue.Fill(Symbol, entryId, P("5"));

        // [10,10,5,5,9]: D=6, V=134, z=0.518 > 0.5: long, not near the mean yet → keep.
        Assert.False(Feed(strategy, venue.Portfolio, Trade("9")).IsPresent);

        // [10,5,5,9,8]: D=3, V=106, z=0.291 ≤ 0.5 → sell the 10 at the mean 37/5 = 7.4.
        var exit = Feed(strategy, venue.Portfolio, Trade("8"));
        AssertLimit(exit, OrderAction.New, Side.Sell, 10, "7.4");
        var exitId = venue.Apply(in exit);

        // [5,5,9,8,7.2]: S=34.2, Q=246.84, D=1.8, V=1234.2−1169.64=64.56, z=1.8/8.035=0.224 ≤ 0.5; the mean is 6.84 and
        // the print 7.2 is below the sell at 7.4 → replace it at 6.84.
        var replace = Feed(strategy, venue.Portfolio, Trade("7.2"));
        AssertLimit(replace, OrderAction.Replace, Side.Sell, 10, "6.84", exitId.Value);
    }

    [Fact]
    public void OnMarketEvent_StaleEntry_IsCancelledWhenTheSignalIsGone()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(5, "2", "0.5");
        foreach (var p in new[] { "10", "10", "10", "10" })
        {
            Feed(strategy, venue.Portfolio, Trade(p));
        }

        var id = venue.Apply(Feed(strategy, venue.Portfolio, Trade("5")));

        // [10,10,10,5,6]: S=41, Q=361, D=−11, V=1805−1681=124 → z=−0.988 > −2, and 6 does not reach the buy at 5.
        var cancel = Feed(strategy, venue.Portfolio, Trade("6"));

        Assert.Equal(OrderAction.Cancel, cancel.Action);
        Assert.Equal(id, cancel.Target);
        Assert.Equal(Side.Buy, cancel.Side);
        Assert.Equal(Symbol, cancel.Symbol);
    }

    [Fact]
    public void OnMarketEvent_EntryLeftBehindWhileSignalHolds_IsReplacedAtTheNewPrice()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(5, "1", "0.5");
        foreach (var p in new[] { "10", "10", "10", "10" })
        {
            Feed(strategy, venue.Portfolio, Trade(p));
        }

        var id = venue.Apply(Feed(strategy, venue.Portfolio, Trade("5"))); // z = −2 ≤ −1

        // [10,10,10,5,5.2]: S=40.2, Q=352.04, D=−14.2, V=1760.2−1616.04=144.16 → z=−1.183 ≤ −1; 5.2 is above the buy at 5.
        var replace = Feed(strategy, venue.Portfolio, Trade("5.2"));

        AssertLimit(replace, OrderAction.Replace, Side.Buy, 10, "5.2", id.Value);
    }

    [Fact]
    public void OnMarketEvent_PriceAboveBand_SellsShortAtThePrint()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(5, "2", "0.5");
        foreach (var p in new[] { "10", "10", "10", "10" })
        {
            Feed(strategy, venue.Portfolio, Trade(p));
        }

        // [10,10,10,10,15]: S=55, Q=625, D=75−55=20, V=3125−3025=100 → z = +2 exactly.
        AssertLimit(Feed(strategy, venue.Portfolio, Trade("15")), OrderAction.New, Side.Sell, 10, "15");
    }

    [Fact]
    public void OnMarketEvent_ShortNearTheMean_BuysBackAtTheMeanRoundedDown()
    {
        var venue = new PaperVenue(1);
        venue.Hold(Symbol, -10, 9);
        var strategy = Strategy(5, "2", "0.5", tick: "0.1");
        foreach (var p in new[] { "5", "5", "9", "8" })
        {
            Feed(strategy, venue.Portfolio, Trade(p));
        }

        // [5,5,9,8,7.9]: S=34.9, mean 6.98; D=4.6, V=1726/25=69.04 → z=0.554 > 0.5 → keep (nothing working, nothing new).
        Assert.False(Feed(strategy, venue.Portfolio, Trade("7.9")).IsPresent);

        // [5,9,8,7.9,7.7]: S=37.6, mean 7.52; D=0.9, V=2237/50=44.74 → z=0.135 ≤ 0.5 → buy 10 at 7.52 rounded down to 0.1: 7.5.
        AssertLimit(Feed(strategy, venue.Portfolio, Trade("7.7")), OrderAction.New, Side.Buy, 10, "7.5");
    }

    [Theory]
    [InlineData("1.7320508", true)]  // z = −√3 = −1.7320508075…: below −1.7320508
    [InlineData("1.7320509", false)] // … but above −1.7320509: the comparison is exact at 10^-8
    public void OnMarketEvent_EntryThreshold_IsComparedExactly(string entry, bool enters)
    {
        var strategy = Strategy(4, entry, "0.5");
        var venue = new PaperVenue(1);
        foreach (var p in new[] { "10", "10", "10" })
        {
            Feed(strategy, venue.Portfolio, Trade(p));
        }

        // [10,10,10,8]: S=38, Q=364, D=32−38=−6, V=1456−1444=12 → z = −6/√12 = −√3.
        Assert.Equal(enters, Feed(strategy, venue.Portfolio, Trade("8")).IsPresent);
    }

    [Fact]
    public void OnMarketEvent_WindowOfTwo_ZIsPlusOrMinusOneAndEqualityEnters()
    {
        // N=2: D = b − a and V = (a − b)², so z = ±1 whenever the prices differ.
        var strategy = Strategy(2, "1", "0.5");
        var venue = new PaperVenue(1);
        Feed(strategy, venue.Portfolio, Trade("10"));

        AssertLimit(Feed(strategy, venue.Portfolio, Trade("9.99")), OrderAction.New, Side.Buy, 10, "9.99");
    }

    [Fact]
    public void OnMarketEvent_ConstantPrices_ZIsZero_NoEntryButALongExitsAtTheMean()
    {
        var strategy = Strategy(3, "1", "0");
        var flat = new PaperVenue(1);
        var held = new PaperVenue(1);
        held.Hold(Symbol, 10, 9);
        foreach (var p in new[] { "10", "10" })
        {
            Feed(strategy, flat.Portfolio, Trade(p));
        }

        // V = 0: z is taken as 0 — no entry; |z| ≤ 0 holds, so a long exits at the mean 10.
        Assert.False(Feed(strategy, flat.Portfolio, Trade("10")).IsPresent);
        AssertLimit(Feed(strategy, held.Portfolio, Trade("10")), OrderAction.New, Side.Sell, 10, "10");
    }

    [Fact]
    public void OnMarketEvent_TwoWorkingOrders_CancelsTheNewestFirst()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(2, "1", "0.5");
        venue.Apply(new OrderIntent { Symbol = Symbol, Side = Side.Buy, Type = OrderType.Limit, Quantity = Quantity.FromUnits(1), LimitPrice = P("1") });
        var newest = venue.Apply(new OrderIntent { Symbol = Symbol, Side = Side.Sell, Type = OrderType.Limit, Quantity = Quantity.FromUnits(1), LimitPrice = P("99") });
        Feed(strategy, venue.Portfolio, Trade("10"));

        var intent = Feed(strategy, venue.Portfolio, Trade("10"));

        Assert.Equal(OrderAction.Cancel, intent.Action);
        Assert.Equal(newest, intent.Target);
    }

    [Fact]
    public void OnMarketEvent_QuotesSuspiciousAndPartialPrints_AreIgnored()
    {
        var strategy = Strategy(2, "1", "0.5");
        var venue = new PaperVenue(1);
        Feed(strategy, venue.Portfolio, Trade("10"));
        var quote = new Core.Market.MarketEvent { Kind = Core.Market.MarketEventKind.Quote, Symbol = Symbol, Bid = P("1"), Ask = P("2") };
        var partial = Trade("1");
        partial.Flags = Core.Market.MarketEventFlags.Partial;

        Assert.False(Feed(strategy, venue.Portfolio, quote).IsPresent);
        Assert.False(Feed(strategy, venue.Portfolio, Trade("1", suspicious: true)).IsPresent);
        Assert.False(Feed(strategy, venue.Portfolio, partial).IsPresent);

        // The window is [10, 9.99] → z = −1 → buy; had the print at 1 counted, it would be [1, 9.99] → z = +1 → sell.
        AssertLimit(Feed(strategy, venue.Portfolio, Trade("9.99")), OrderAction.New, Side.Buy, 10, "9.99");
    }

    [Fact]
    public void OnMarketEvent_MinuteBars_UseTheCloseAndTheBarRange()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(2, "1", "0.5");
        Feed(strategy, venue.Portfolio, Bar("10", "10", "10", "10"));
        var id = venue.Apply(Feed(strategy, venue.Portfolio, Bar("10", "10", "9", "9"))); // z = −1 → buy @ 9

        // Close 9.5: z = +1 against [9, 9.5], a sell signal, but the bar's low 8.9 reached the buy at 9: it fills, leave it.
        Assert.False(Feed(strategy, venue.Portfolio, Bar("9.2", "9.6", "8.9", "9.5")).IsPresent);

        // A bar that stays above 9 with a sell signal (z = +1 against [9.5, 9.7]): the buy is on the wrong side, cancel it.
        var cancel = Feed(strategy, venue.Portfolio, Bar("9.6", "9.8", "9.5", "9.7"));
        Assert.Equal(OrderAction.Cancel, cancel.Action);
        Assert.Equal(id, cancel.Target);
    }

    [Fact]
    public void OnMarketEvent_PriceOutsideExactRange_IsCountedAndIgnored()
    {
        var strategy = Strategy(2, "1", "0.5");
        var venue = new PaperVenue(1);

        Assert.False(Feed(strategy, venue.Portfolio, Trade("1407375")).IsPresent);

        Assert.Equal(1, strategy.Ignored);
    }
}
