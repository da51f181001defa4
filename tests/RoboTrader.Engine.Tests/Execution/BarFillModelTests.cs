using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;
using static RoboTrader.Engine.Tests.Execution.Intents;

namespace RoboTrader.Engine.Tests.Execution;

public sealed class BarFillModelTests
{
    private static ExecutionOptions Options => new(default) { FillModel = FillModel.Bar, InitialCash = Money.Zero };

    [Fact]
    public void Market_FillsAtTheNextBarsOpen()
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.5", "9.5", "10.2", Market(Side.Buy, 100));
        x.Trade(30_000, "11");                     // ticks do not fill in this model
        x.Bar(60_000, "10.3", "10.6", "10.1", "10.4");

        Assert.Equal((2L, "10.3"), (Assert.Single(x.Fills).Sequence, x.Fills[0].Price.ToString()));
    }

    [Theory]
    [InlineData("10.20", "10.40", "9.90", "9.95")]  // range crosses the limit: fills at the limit
    [InlineData("9.90", "10.00", "9.80", "9.9")]   // opens below the limit: fills at the better open
    [InlineData("9.95", "10.00", "9.95", "9.95")]   // low touches the limit: fills at it
    public void LimitBuy_FillsWhenTheRangeReachesIt(string open, string high, string low, string expected)
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.1", "9.97", "10", Limit(Side.Buy, 100, "9.95"));
        x.Bar(60_000, open, high, low, "10");

        Assert.Equal(expected, Assert.Single(x.Fills).Price.ToString());
    }

    [Fact]
    public void LimitBuy_RangeAboveIt_DoesNotFill()
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.1", "9.97", "10", Limit(Side.Buy, 100, "9.95"));
        x.Bar(60_000, "10", "10.1", "9.96", "10");

        Assert.Empty(x.Fills);
    }

    [Theory]
    [InlineData("10.00", "10.50", "9.90", null)]     // high = stop: a touch, no trigger
    [InlineData("10.00", "10.51", "9.90", "10.5")]   // through: fills at the stop
    [InlineData("10.60", "10.70", "10.55", "10.6")]  // gaps through: fills at the open
    public void StopBuy_TriggersOnlyWhenHighIsAboveIt(string open, string high, string low, string? expected)
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.1", "9.9", "10", Stop(Side.Buy, 100, "10.50"));
        x.Bar(60_000, open, high, low, "10.2");

        Assert.Equal(expected, x.Fills.SingleOrDefault().Quantity.IsZero ? null : x.Fills[0].Price.ToString());
    }

    [Fact]
    public void Bracket_BothExitsInsideOneBar_TheStopFills()
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.1", "9.9", "10", Bracket(Market(Side.Buy, 100), "10.50", "9.50"));
        x.Bar(60_000, "10", "10.1", "9.9", "10");    // entry at the open 10; exits 2 (take-profit) and 3 (stop-loss) created
        x.Bar(120_000, "10", "10.6", "9.4", "10");   // both could fill: the stop is assumed

        Assert.Equal([(1L, Side.Buy, "10"), (3L, Side.Sell, "9.5")], x.Fills.Select(f => (f.OrderId.Value, f.Side, f.Price.ToString())));
        Assert.Equal((OrderStatus.Cancelled, ErrorCode.ExecutionOcoCancelled), (x.StatusOf(2), x.EventsOf(2)[^1].Reason));
        Assert.Equal(Quantity.Zero, x.Portfolio.PositionOf(default));
        Assert.Equal("-50", x.Portfolio.RealizedPnl.ToString());
        Assert.Equal(0, x.Portfolio.Book(default).WorkingCount);
    }

    [Fact]
    public void Bracket_OnlyTakeProfitInRange_TakeProfitFillsAndStopIsCancelled()
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.1", "9.9", "10", Bracket(Market(Side.Buy, 100), "10.50", "9.50"));
        x.Bar(60_000, "10", "10.1", "9.9", "10");
        x.Bar(120_000, "10.2", "10.6", "10.1", "10.5");

        Assert.Equal([(1L, "10"), (2L, "10.5")], x.Fills.Select(f => (f.OrderId.Value, f.Price.ToString())));
        Assert.Equal(OrderStatus.Cancelled, x.StatusOf(3));
        Assert.Equal("50", x.Portfolio.RealizedPnl.ToString());
    }

    [Fact]
    public void Ioc_LimitNotReachedByTheNextBar_Expires()
    {
        var x = new ExchangeHarness(Options);
        x.Bar(0, "10", "10.1", "9.9", "10", Limit(Side.Buy, 100, "9.5", TimeInForce.Ioc));
        x.Bar(60_000, "10", "10.1", "9.8", "10");

        Assert.Empty(x.Fills);
        Assert.Equal((OrderStatus.Expired, ErrorCode.ExecutionIocRemainder), (x.StatusOf(1), x.EventsOf(1)[^1].Reason));
    }
}
