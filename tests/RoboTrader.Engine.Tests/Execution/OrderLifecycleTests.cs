using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;
using static RoboTrader.Engine.Tests.Execution.Intents;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>Cancel, replace, rejection, DAY expiry, brackets and OCO pairs, driven through <see cref="ExecuteStage"/>.</summary>
public sealed class OrderLifecycleTests
{
    private static ExecutionOptions Options => new(default) { InitialCash = Money.Zero };

    [Fact]
    public void Cancel_WorkingOrder_IsCancelledWithReason_UnknownTargetChangesNothing()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Buy, 100, "9"));
        x.Trade(1, "10", Cancel(1, Side.Buy));
        x.Trade(2, "10", Cancel(1, Side.Buy));   // no longer working
        x.Trade(3, "10", Cancel(42, Side.Buy));  // never existed
        x.Trade(4, "8");

        Assert.Empty(x.Fills);
        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Cancelled], x.History(1));
        Assert.Equal(ErrorCode.ExecutionCancelRequested, x.EventsOf(1)[^1].Reason);
        Assert.Equal(2, x.Stage.UnknownTargets);
        Assert.Equal(1, x.Stage.Orders);
        Assert.Equal(Quantity.Zero, x.Portfolio.PendingBuyOf(default));
    }

    [Fact]
    public void Replace_CancelsTheTarget_AndANewOrderTakesItsPlace()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Buy, 100, "9"));
        x.Trade(1, "10", Replace(1, Limit(Side.Buy, 60, "9.50")));
        Assert.Equal(2, x.LastOrder.Value);
        x.Trade(2, "9.50");

        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Cancelled], x.History(1));
        Assert.Equal(ErrorCode.ExecutionReplaced, x.EventsOf(1)[^1].Reason);
        var fill = Assert.Single(x.Fills);
        Assert.Equal((2L, Q(60), "9.5"), (fill.OrderId.Value, fill.Quantity, fill.Price.ToString()));
    }

    [Fact]
    public void Replace_Invalid_IsRejected_AndTheTargetKeepsWorking()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Buy, 100, "9"));
        x.Trade(1, "10", Replace(1, Limit(Side.Buy, 100, "0")));
        x.Trade(2, "9");

        Assert.Equal([OrderStatus.New, OrderStatus.Rejected], x.History(2));
        Assert.Equal(ErrorCode.ExecutionOrderInvalid, x.EventsOf(2)[^1].Reason);
        Assert.Equal(1L, Assert.Single(x.Fills).OrderId.Value);
        Assert.Equal(1, x.Stage.Rejected);
    }

    public static TheoryData<OrderIntent> InvalidIntents() =>
    [
        Limit(Side.Buy, 100, "0"),
        Stop(Side.Sell, 100, "0"),
        Market(Side.Buy, 0),
        Bracket(Market(Side.Buy, 100), "9", "11"),              // take-profit below stop-loss for a buy
        Bracket(Limit(Side.Buy, 100, "12"), "11", "9"),          // limit above the take-profit
        Market(Side.Buy, 100) with { TakeProfitPrice = P("11") }, // half a bracket
        Market(Side.Buy, 100) with { OcoWith = new ClientOrderId(99) },
    ];

    [Theory]
    [MemberData(nameof(InvalidIntents))]
    public void Submit_InvalidOrder_IsRejectedWithReason(OrderIntent intent)
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", intent);
        x.Trade(1, "10");

        Assert.Equal([OrderStatus.New, OrderStatus.Rejected], x.History(1));
        Assert.Equal(ErrorCode.ExecutionOrderInvalid, x.EventsOf(1)[^1].Reason);
        Assert.Empty(x.Fills);
    }

    [Fact]
    public void Day_ExpiresAtTheMarketCloseInNewYork()
    {
        var x = new ExchangeHarness();
        const long closeMs = 6L * 3600 * 1000 + (30 * 60 * 1000); // 09:30 + 6h30 = 16:00 New York (20:00 UTC in October)
        x.Trade(0, "10", Limit(Side.Buy, 100, "9", TimeInForce.Day));
        x.Trade(1, "10", Limit(Side.Buy, 100, "9"));               // GTC
        x.Trade(closeMs - 1, "10");                                 // 15:59:59.999: still working
        Assert.Equal(OrderStatus.Accepted, x.StatusOf(1));
        x.Trade(closeMs, "10");                                     // 16:00: expired

        var last = x.EventsOf(1)[^1];
        Assert.Equal((OrderStatus.Expired, ErrorCode.ExecutionDayExpired, 3L), (last.Status, last.Reason, last.Sequence));
        Assert.Equal(OrderStatus.Accepted, x.StatusOf(2));
        x.Trade(closeMs + 1, "8.5");
        Assert.Equal(2L, Assert.Single(x.Fills).OrderId.Value);
    }

    [Fact]
    public void Day_SubmittedAfterTheClose_ExpiresAtTheNextWeekdaysClose()
    {
        var calendar = new SessionCalendar(new TimeOnly(16, 0), "America/New_York");
        var friday = new DateTime(2013, 10, 11, 21, 0, 0, DateTimeKind.Utc); // 17:00 New York
        var expiry = DateTime.UnixEpoch.AddTicks(calendar.CloseAfter((friday - DateTime.UnixEpoch).Ticks * 100) / 100);

        Assert.Equal(new DateTime(2013, 10, 14, 20, 0, 0, DateTimeKind.Utc), expiry); // Monday 16:00 EDT
    }

    [Fact]
    public void Bracket_PartialEntryFills_GrowTheExits_AndExitFillsReduceTheSibling()
    {
        var x = new ExchangeHarness(Options with { FillModel = FillModel.Quote });
        x.Quote(0, "10", 100, "10.01", 100, Bracket(Market(Side.Buy, 300), "10.50", "9.50"));
        x.Quote(1, "10", 100, "10.01", 100);   // entry 100: exits 2 (limit 10.50) and 3 (stop 9.50), 100 each
        x.Quote(2, "10", 100, "10.01", 50);    // entry 150: exits grow to 150
        Assert.Equal([Q(100), Q(150)], x.EventsOf(2).Where(e => e.Status == OrderStatus.Accepted).Select(e => e.Quantity));
        Assert.Equal(ErrorCode.ExecutionAmended, x.EventsOf(3)[^1].Reason);
        Assert.Equal(Q(150), x.EventsOf(3)[^1].Leaves);

        x.Quote(3, "10.50", 60, "10.51", 100); // entry +100 (250, exits 250); take-profit sells 60 at the bid 10.50
        Assert.Equal(Q(190), x.EventsOf(3)[^1].Leaves);   // the stop-loss shrank with it: 250 − 60
        Assert.Equal(OrderStatus.PartiallyFilled, x.StatusOf(2));
        Assert.Equal(Q(190), x.Portfolio.PendingSellOf(default)); // an OCO pair counts once

        x.Quote(4, "10.50", 1000, "10.51", 50); // entry fills its last 50 (exits +50 = 240 open); take-profit sells the 240
        Assert.Equal(OrderStatus.Filled, x.StatusOf(1));
        Assert.Equal(OrderStatus.Filled, x.StatusOf(2));
        Assert.Equal((OrderStatus.Cancelled, ErrorCode.ExecutionOcoCancelled), (x.StatusOf(3), x.EventsOf(3)[^1].Reason));
        Assert.Equal(Quantity.Zero, x.Portfolio.PositionOf(default));
        Assert.Equal(0, x.Portfolio.Book(default).WorkingCount);
    }

    [Fact]
    public void Bracket_ExitIds_AreCreatedInAFixedOrder_TakeProfitFirst()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Bracket(Market(Side.Sell, 10), "9", "11"));
        x.Trade(1, "10", Limit(Side.Buy, 1, "5"));   // entry fills here (exits 2, 3); this intent gets 4

        Assert.Equal(4, x.LastOrder.Value);
        var exits = x.Events.Where(e => e.OrderId.Value is 2 or 3 && e.Status == OrderStatus.Accepted).ToList();
        Assert.Equal([(2L, OrderType.Limit, Side.Buy, P("9"), Price.Zero), (3L, OrderType.Stop, Side.Buy, Price.Zero, P("11"))],
            exits.Select(e => (e.OrderId.Value, e.Type, e.Side, e.LimitPrice, e.StopPrice)));
    }

    [Fact]
    public void OcoWith_LinksTwoOrders_AFillOfOneCancelsTheOther()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Sell, 100, "11"));
        x.Trade(1, "10", Stop(Side.Sell, 100, "9") with { OcoWith = new ClientOrderId(1) });
        Assert.Equal(Q(100), x.Portfolio.PendingSellOf(default));
        x.Trade(2, "11");

        Assert.Equal(1L, Assert.Single(x.Fills).OrderId.Value);
        Assert.Equal((OrderStatus.Cancelled, ErrorCode.ExecutionOcoCancelled), (x.StatusOf(2), x.EventsOf(2)[^1].Reason));
    }

    [Fact]
    public void EndOfData_CancelsWorkingOrders_AndTakesAFinalSample()
    {
        var x = new ExchangeHarness();
        x.Trade(0, "10", Limit(Side.Buy, 100, "9"));
        x.End();

        var last = x.EventsOf(1)[^1];
        Assert.Equal((OrderStatus.Cancelled, ErrorCode.ExecutionCancelledAtEnd, 1L), (last.Status, last.Reason, last.Sequence));
        Assert.Equal(1, x.Stage.Cancelled);
        Assert.Equal(Ms(0), x.Samples[^1].TimeNanos);
    }
}
