using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;
using static RoboTrader.Engine.Tests.Strategies.StrategyEvents;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>Decide holds every strategy to its envelope: clamped or refused, never more; cancels always pass; a replace releases its order.</summary>
public sealed class DecideEnvelopeTests
{
    private static RiskEnvelope Envelope(long maxBuy, long maxSell, bool halted = false) => new()
    {
        State = halted ? TradingState.Halted : TradingState.Active,
        MaxBuy = Quantity.FromUnits(maxBuy),
        MaxSell = Quantity.FromUnits(maxSell),
        Reference = Price.FromUnits(10),
        BandLow = Price.FromUnits(9),
        BandHigh = Price.FromUnits(11),
    };

    private static PipelineSlot Decide(DecideStage decide, MarketEvent e, RiskEnvelope envelope)
    {
        var slot = new PipelineSlot { Market = e, Envelope = envelope };
        decide.OnEvent(slot, 0, true);
        return slot;
    }

    private static DecideStage BreakoutAfterChannel(IPortfolioView portfolio)
    {
        var decide = new DecideStage(new BreakoutStrategy(new BreakoutOptions(1, Quantity.FromUnits(100), PriceDistance.Ticks(10), PriceDistance.Ticks(5), P("0.01")), 1), portfolio);
        Decide(decide, Bar("10", "10", "10", "10"), Envelope(1_000, 1_000));
        return decide;
    }

    [Fact]
    public void OnEvent_BreakoutLargerThanMaxBuy_IsClampedAndKeepsItsBracket()
    {
        var decide = BreakoutAfterChannel(new Portfolio(1));

        var slot = Decide(decide, Bar("10", "10.5", "10", "10.5"), Envelope(40, 1_000));

        Assert.Equal(Quantity.FromUnits(40), slot.Intent.Quantity);
        Assert.Equal(P("10.6"), slot.Intent.TakeProfitPrice);
        Assert.Equal(P("10.45"), slot.Intent.StopLossPrice);
        Assert.Equal(ErrorCode.RiskMaxPosition, slot.IntentError);
        Assert.Equal(1, decide.Clamped);
    }

    [Fact]
    public void OnEvent_BreakoutWhileHalted_IsRefused()
    {
        var decide = BreakoutAfterChannel(new Portfolio(1));

        var slot = Decide(decide, Bar("10", "10.5", "10", "10.5"), Envelope(1_000, 1_000, halted: true));

        Assert.False(slot.Intent.IsPresent);
        Assert.Equal(ErrorCode.RiskKillSwitch, slot.IntentError);
        Assert.Equal(1, decide.Refused);
    }

    [Fact]
    public void OnEvent_MeanReversionLimitOutsideTheBand_IsRefused()
    {
        var decide = new DecideStage(new MeanReversionStrategy(new MeanReversionOptions(2, ZScore.FromUnits(1), default, Quantity.FromUnits(10), P("0.01")), 1), new Portfolio(1));
        Decide(decide, Trade("10"), Envelope(1_000, 1_000));

        // z = −1 → buy 10 @ 8.5, below the band's 9.
        var slot = Decide(decide, Trade("8.5"), Envelope(1_000, 1_000));

        Assert.False(slot.Intent.IsPresent);
        Assert.Equal(ErrorCode.RiskPriceBand, slot.IntentError);
        Assert.Equal(1, decide.Refused);
    }

    [Fact]
    public void OnEvent_CancelWhileHalted_Passes()
    {
        var venue = new PaperVenue(1);
        var id = venue.Apply(new OrderIntent { Symbol = Symbol, Side = Side.Buy, Type = OrderType.Limit, Quantity = Quantity.FromUnits(10), LimitPrice = P("9.5") });
        var decide = new DecideStage(new OneIntent(new OrderIntent { Symbol = Symbol, Side = Side.Buy, Type = OrderType.Limit, Quantity = Quantity.FromUnits(10), LimitPrice = P("9.5"), Action = OrderAction.Cancel, Target = id }), venue.Portfolio);

        var slot = Decide(decide, Trade("10"), Envelope(0, 0, halted: true));

        Assert.Equal(OrderAction.Cancel, slot.Intent.Action);
        Assert.Equal(id, slot.Intent.Target);
        Assert.Equal(ErrorCode.None, slot.IntentError);
    }

    [Theory]
    [InlineData(10, 10, ErrorCode.None)]           // the replaced 10 are released: 0 + 10 may be bought
    [InlineData(15, 10, ErrorCode.RiskMaxPosition)] // … but not 15
    public void OnEvent_Replace_IsCheckedWithItsOrderReleased(long qty, long expected, ErrorCode error)
    {
        var venue = new PaperVenue(1);
        var id = venue.Apply(new OrderIntent { Symbol = Symbol, Side = Side.Buy, Type = OrderType.Limit, Quantity = Quantity.FromUnits(10), LimitPrice = P("9.5") });
        var replace = new OrderIntent { Symbol = Symbol, Side = Side.Buy, Type = OrderType.Limit, Quantity = Quantity.FromUnits(qty), LimitPrice = P("9.8"), Action = OrderAction.Replace, Target = id };
        var decide = new DecideStage(new OneIntent(replace), venue.Portfolio);

        // Max position 10, already taken by the working buy: MaxBuy is 0.
        var slot = Decide(decide, Trade("10"), Envelope(0, 20));

        Assert.Equal(Quantity.FromUnits(expected), slot.Intent.Quantity);
        Assert.Equal(error, slot.IntentError);
    }

    [Fact]
    public void OnEvent_ReplaceOfAnOrderNoLongerWorking_ReleasesNothing()
    {
        var venue = new PaperVenue(1);
        var replace = new OrderIntent { Symbol = Symbol, Side = Side.Buy, Type = OrderType.Limit, Quantity = Quantity.FromUnits(10), LimitPrice = P("9.8"), Action = OrderAction.Replace, Target = new ClientOrderId(7) };
        var decide = new DecideStage(new OneIntent(replace), venue.Portfolio);

        var slot = Decide(decide, Trade("10"), Envelope(0, 20));

        Assert.False(slot.Intent.IsPresent);
        Assert.Equal(ErrorCode.RiskMaxPosition, slot.IntentError);
    }

    /// <summary>Emits the same intent on every event.</summary>
    private sealed class OneIntent(OrderIntent intent) : IStrategy
    {
        public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent slotIntent) => slotIntent = intent;
    }
}
