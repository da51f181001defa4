using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Strategies;
using static RoboTrader.Engine.Tests.Strategies.StrategyEvents;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>breakout on hand-made minute bars (open, high, low, close); channel = the N bars before the current one.</summary>
public sealed class BreakoutStrategyTests
{
    private static BreakoutStrategy Strategy(int lookback, string takeProfit = "50bps", string stopLoss = "25bps", string tick = "0.01")
        => new(new BreakoutOptions(lookback, Quantity.FromUnits(100), D(takeProfit), D(stopLoss), P(tick)), 1);

    private static PriceDistance D(string text) => PriceDistance.TryParse(text, out var d) ? d : throw new FormatException(text);

    private static void FeedChannel(BreakoutStrategy strategy, PaperVenue venue)
    {
        // Highs 10.5, 10.6, 10.4; lows 9.5, 9.8, 9.7: no decision while fewer than 3 bars came before.
        Assert.False(Feed(strategy, venue.Portfolio, Bar("10", "10.5", "9.5", "10")).IsPresent);
        Assert.False(Feed(strategy, venue.Portfolio, Bar("10", "10.6", "9.8", "10.2")).IsPresent);
        Assert.False(Feed(strategy, venue.Portfolio, Bar("10.2", "10.4", "9.7", "10.1")).IsPresent);
    }

    [Fact]
    public void OnMarketEvent_CloseAboveChannelHigh_BuysWithBracketInBps()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(3);
        FeedChannel(strategy, venue);

        // Close 10.6 equals the channel high 10.6: not a breakout (strictly above).
        Assert.False(Feed(strategy, venue.Portfolio, Bar("10.1", "10.7", "10", "10.6")).IsPresent);

        // Channel is now bars 2–4: high max(10.6, 10.4, 10.7) = 10.7; close 10.75 breaks it.
        var intent = Feed(strategy, venue.Portfolio, Bar("10.6", "10.8", "10.5", "10.75"));

        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(OrderType.Market, intent.Type);
        Assert.Equal(OrderAction.New, intent.Action);
        Assert.Equal(Quantity.FromUnits(100), intent.Quantity);
        Assert.Equal(P("10.75"), intent.ReferencePrice);

        // 50 bps of 10.75 = 0.05375 → 6 ticks (rounded up) → 10.81; 25 bps = 0.026875 → 3 ticks → 10.72.
        Assert.Equal(P("10.81"), intent.TakeProfitPrice);
        Assert.Equal(P("10.72"), intent.StopLossPrice);
    }

    [Fact]
    public void OnMarketEvent_CloseBelowChannelLow_SellsWithBracketInTicks()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(3, "10ticks", "4ticks");
        FeedChannel(strategy, venue);

        // Channel low min(9.5, 9.8, 9.7) = 9.5; close 9.45 breaks it: take-profit 9.45 − 0.10, stop-loss 9.45 + 0.04.
        var intent = Feed(strategy, venue.Portfolio, Bar("9.6", "9.7", "9.4", "9.45"));

        Assert.Equal(Side.Sell, intent.Side);
        Assert.Equal(P("9.35"), intent.TakeProfitPrice);
        Assert.Equal(P("9.49"), intent.StopLossPrice);
    }

    [Fact]
    public void OnMarketEvent_NotFlat_DoesNotEnterAgain()
    {
        var held = new PaperVenue(1);
        held.Hold(Symbol, 100, 10);
        var working = new PaperVenue(1);
        working.Apply(new OrderIntent { Symbol = Symbol, Side = Side.Sell, Type = OrderType.Limit, Quantity = Quantity.FromUnits(1), LimitPrice = P("20") });
        foreach (var venue in new[] { held, working })
        {
            var strategy = Strategy(3);
            FeedChannel(strategy, venue);
            Assert.False(Feed(strategy, venue.Portfolio, Bar("10.6", "11", "10.5", "10.9")).IsPresent);
        }
    }

    [Fact]
    public void OnMarketEvent_TicksQuotesAndSuspiciousBars_AreIgnored()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(1);
        Feed(strategy, venue.Portfolio, Bar("10", "10", "10", "10"));
        var suspicious = Bar("10", "50", "10", "50");
        suspicious.Flags = Core.Market.MarketEventFlags.Suspicious;

        Assert.False(Feed(strategy, venue.Portfolio, Trade("50")).IsPresent);
        Assert.False(Feed(strategy, venue.Portfolio, suspicious).IsPresent);

        // The channel is still the first bar (high 10): a close of 10.01 breaks it.
        Assert.Equal(Side.Buy, Feed(strategy, venue.Portfolio, Bar("10", "10.01", "10", "10.01")).Side);
    }

    [Fact]
    public void OnMarketEvent_ShortWhoseTakeProfitWouldNotBePositive_IsNotEntered()
    {
        var venue = new PaperVenue(1);
        var strategy = Strategy(1, "100ticks", "1ticks");
        Feed(strategy, venue.Portfolio, Bar("1", "1", "1", "1"));

        // Close 0.9 breaks below 1, but 0.9 − 100 × 0.01 = −0.1.
        Assert.False(Feed(strategy, venue.Portfolio, Bar("1", "1", "0.9", "0.9")).IsPresent);
    }
}
