using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Tests.Trading;

public sealed class OrderStateMachineTests
{
    private static readonly (OrderStatus From, OrderStatus To)[] s_legal =
    [
        (OrderStatus.New, OrderStatus.Accepted),
        (OrderStatus.New, OrderStatus.Rejected),
        (OrderStatus.Accepted, OrderStatus.PartiallyFilled),
        (OrderStatus.Accepted, OrderStatus.Filled),
        (OrderStatus.Accepted, OrderStatus.Cancelled),
        (OrderStatus.Accepted, OrderStatus.Expired),
        (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled),
        (OrderStatus.PartiallyFilled, OrderStatus.Filled),
        (OrderStatus.PartiallyFilled, OrderStatus.Cancelled),
        (OrderStatus.PartiallyFilled, OrderStatus.Expired),
    ];

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    /// <summary>An order in <paramref name="status"/>, reached through legal transitions only.</summary>
    private static Order In(OrderStatus status)
    {
        var order = new Order { Id = new ClientOrderId(1), Side = Side.Buy, Quantity = Quantity.FromUnits(10) };
        switch (status)
        {
            case OrderStatus.New:
                break;
            case OrderStatus.Rejected:
                order.TransitionTo(OrderStatus.Rejected, ErrorCode.ExecutionOrderInvalid);
                break;
            default:
                order.TransitionTo(OrderStatus.Accepted);
                if (status == OrderStatus.PartiallyFilled)
                {
                    order.RecordFill(Quantity.FromUnits(4));
                }
                else if (status == OrderStatus.Filled)
                {
                    order.RecordFill(Quantity.FromUnits(10));
                }
                else if (status is OrderStatus.Cancelled or OrderStatus.Expired)
                {
                    order.TransitionTo(status);
                }

                break;
        }

        Assert.Equal(status, order.Status);
        return order;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void TransitionTo_EveryPair_SucceedsExactlyWhenLegal(OrderStatus from, OrderStatus to)
    {
        var order = In(from);
        var legal = s_legal.Contains((from, to));

        Assert.Equal(legal, OrderStateMachine.IsLegal(from, to));
        if (legal)
        {
            order.TransitionTo(to, ErrorCode.ExecutionCancelRequested);
            Assert.Equal(to, order.Status);
            Assert.Equal(ErrorCode.ExecutionCancelRequested, order.Reason);
        }
        else
        {
            var ex = Assert.Throws<InvalidOperationException>(() => order.TransitionTo(to));
            Assert.Contains($"{from} → {to}", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TerminalStates_HaveNoWayOut_AndWorkingStatesAreExactlyAcceptedAndPartiallyFilled()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            var outgoing = Enum.GetValues<OrderStatus>().Count(to => OrderStateMachine.IsLegal(status, to));
            Assert.Equal(OrderStateMachine.IsTerminal(status), outgoing == 0);
        }

        Assert.Equal(
            [OrderStatus.Accepted, OrderStatus.PartiallyFilled],
            Enum.GetValues<OrderStatus>().Where(OrderStateMachine.IsWorking).Order());
    }

    [Fact]
    public void RecordFill_PartialThenRest_GoesPartiallyFilledThenFilled()
    {
        var order = In(OrderStatus.Accepted);
        order.RecordFill(Quantity.FromUnits(3));
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(Quantity.FromUnits(7), order.Leaves);
        order.RecordFill(Quantity.FromUnits(2));
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        order.RecordFill(Quantity.FromUnits(5));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(Quantity.Zero, order.Leaves);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    public void RecordFill_OutsideOpenQuantity_Throws(long units)
    {
        var order = In(OrderStatus.Accepted);
        Assert.Throws<InvalidOperationException>(() => order.RecordFill(Quantity.FromUnits(units)));
        Assert.Equal(OrderStatus.Accepted, order.Status);
    }

    [Theory]
    [InlineData(OrderStatus.New)]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Expired)]
    public void RecordFill_OnOrderThatIsNotWorking_Throws(OrderStatus status)
    {
        var order = In(status);
        Assert.Throws<InvalidOperationException>(() => order.RecordFill(Quantity.FromUnits(1)));
        Assert.Equal(status, order.Status);
    }

    [Fact]
    public void Amend_WorkingOrder_ChangesQuantityButNotBelowFilled()
    {
        var order = In(OrderStatus.PartiallyFilled); // 4 of 10 filled
        order.Amend(Quantity.FromUnits(6));
        Assert.Equal(Quantity.FromUnits(2), order.Leaves);
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(ErrorCode.ExecutionAmended, order.Reason);
        Assert.Throws<InvalidOperationException>(() => order.Amend(Quantity.FromUnits(4)));
        Assert.Throws<InvalidOperationException>(() => In(OrderStatus.Filled).Amend(Quantity.FromUnits(20)));
    }
}
