using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>A portfolio view with positions, marks, pending orders and cash set by the test; equity and exposure follow from them.</summary>
internal sealed class FakePortfolio(int symbols) : IPortfolioView
{
    private readonly long[] _position = new long[symbols];
    private readonly long[] _mark = new long[symbols];
    private readonly long[] _pendingBuy = new long[symbols];
    private readonly long[] _pendingSell = new long[symbols];

    public Money Cash { get; set; }

    public Money Equity => Cash + NetExposure;

    public Money GrossExposure => Sum(abs: true);

    public Money NetExposure => Sum(abs: false);

    public FakePortfolio Hold(int symbol, string quantity, string mark)
    {
        _position[symbol] = RiskHarness.Raw(quantity);
        _mark[symbol] = RiskHarness.Raw(mark);
        return this;
    }

    public void Mark(int symbol, string mark) => _mark[symbol] = RiskHarness.Raw(mark);

    public FakePortfolio Pending(int symbol, string buy, string sell)
    {
        _pendingBuy[symbol] = RiskHarness.Raw(buy);
        _pendingSell[symbol] = RiskHarness.Raw(sell);
        return this;
    }

    public Quantity PositionOf(SymbolId symbol) => new(_position[symbol.Value]);

    public ReadOnlySpan<RoboTrader.Engine.Core.Trading.Order> WorkingOrders(SymbolId symbol) => []; // pending quantities stand for them here

    public Quantity PendingBuyOf(SymbolId symbol) => new(_pendingBuy[symbol.Value]);

    public Quantity PendingSellOf(SymbolId symbol) => new(_pendingSell[symbol.Value]);

    public Price MarkOf(SymbolId symbol) => new(_mark[symbol.Value]);

    public Price AverageCostOf(SymbolId symbol) => MarkOf(symbol);

    private Money Sum(bool abs)
    {
        var total = Money.Zero;
        for (var i = 0; i < _position.Length; i++)
        {
            var notional = Money.Notional(new Quantity(_position[i]), new Price(_mark[i]));
            total += abs && notional.Raw < 0 ? -notional : notional;
        }

        return total;
    }
}
