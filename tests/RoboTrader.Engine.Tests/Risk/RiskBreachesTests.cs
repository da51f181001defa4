using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Tests.Risk;

public sealed class RiskBreachesTests
{
    [Fact]
    public void Add_UpToCapacity_KeepsEveryBreachInOrder_ThenRefuses()
    {
        var breaches = default(RiskBreaches);
        for (var i = 0; i < RiskBreaches.Capacity; i++)
        {
            breaches.Add(new RiskBreach { Symbol = new SymbolId(i), Quantity = 100 + i });
        }

        Assert.Equal(RiskBreaches.Capacity, breaches.Count);
        for (var i = 0; i < RiskBreaches.Capacity; i++)
        {
            Assert.Equal(new SymbolId(i), breaches[i].Symbol); // inline and overflow alike
            Assert.Equal(100 + i, breaches[i].Quantity);
        }

        Assert.Throws<InvalidOperationException>(() => breaches.Add(new RiskBreach()));
        Assert.Throws<ArgumentOutOfRangeException>(() => breaches[RiskBreaches.Capacity]);
    }

    [Fact]
    public void Clear_ThenAdd_ReusesTheRoom()
    {
        var breaches = default(RiskBreaches);
        for (var i = 0; i < 5; i++)
        {
            breaches.Add(new RiskBreach { Quantity = i });
        }

        breaches.Clear();
        breaches.Add(new RiskBreach { Quantity = 42 });

        Assert.Equal(1, breaches.Count);
        Assert.Equal(42, breaches[0].Quantity);
        Assert.Throws<ArgumentOutOfRangeException>(() => breaches[1]);
    }
}
