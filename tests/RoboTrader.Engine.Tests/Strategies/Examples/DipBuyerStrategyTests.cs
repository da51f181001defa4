using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.TestSupport;
using static RoboTrader.Engine.Tests.Strategies.StrategyEvents;

namespace RoboTrader.Engine.Tests.Strategies.Examples;

/// <summary>The example of docs/STRATEGIES.md works as the document says, and the document shows its code verbatim.</summary>
public sealed class DipBuyerStrategyTests
{
    [Fact]
    public void OnMarketEvent_DropOfOnePercentFromTheHigh_BidsAtThePrint()
    {
        var venue = new PaperVenue(1);
        var strategy = new DipBuyerStrategy(new BasisPoints(100 * FixedPoint.Scale), Quantity.FromUnits(5), 1);

        Assert.False(Feed(strategy, venue.Portfolio, Trade("10")).IsPresent);
        Assert.False(Feed(strategy, venue.Portfolio, Trade("10.2")).IsPresent);   // new high 10.2
        Assert.False(Feed(strategy, venue.Portfolio, Trade("10.0981")).IsPresent); // 10.2 × 0.99 = 10.098: not yet

        var intent = Feed(strategy, venue.Portfolio, Trade("10.098"));            // exactly 1 % below: bid
        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(OrderType.Limit, intent.Type);
        Assert.Equal(P("10.098"), intent.LimitPrice);
        Assert.Equal(Quantity.FromUnits(5), intent.Quantity);

        // While the bid works, no second one.
        venue.Apply(in intent);
        Assert.False(Feed(strategy, venue.Portfolio, Trade("9")).IsPresent);
    }

    [Fact]
    public void Document_ShowsTheExampleVerbatim()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "STRATEGIES.md")).ReplaceLineEndings("\n");
        var code = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "RoboTrader.Engine.Tests", "Strategies", "Examples", "DipBuyerStrategy.cs")).ReplaceLineEndings("\n");

        Assert.Contains(code.TrimEnd(), doc, StringComparison.Ordinal);
    }
}
