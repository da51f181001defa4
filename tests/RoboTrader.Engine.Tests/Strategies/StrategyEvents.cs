using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>Hand-made market events for strategy tests (prices as exact decimal text).</summary>
internal static class StrategyEvents
{
    public static readonly SymbolId Symbol = new(0);

    public static Price P(string text) => Price.TryParse(text, out var p) ? p : throw new FormatException(text);

    public static MarketEvent Trade(string price, bool suspicious = false) => new()
    {
        Kind = MarketEventKind.Trade,
        Symbol = Symbol,
        Price = P(price),
        Size = Quantity.FromUnits(100),
        Flags = suspicious ? MarketEventFlags.Suspicious : MarketEventFlags.None,
    };

    public static MarketEvent Bar(string open, string high, string low, string close) => new()
    {
        Kind = MarketEventKind.TradeBar,
        Symbol = Symbol,
        Open = P(open),
        High = P(high),
        Low = P(low),
        Price = P(close),
        Size = Quantity.FromUnits(1_000),
    };

    /// <summary>A generous envelope: anything within 100 units either way, a band wide enough for every test price.</summary>
    public static RiskEnvelope Open => new()
    {
        MaxBuy = Quantity.FromUnits(1_000_000),
        MaxSell = Quantity.FromUnits(1_000_000),
        Reference = Price.FromUnits(10),
        BandLow = Price.FromUnits(1),
        BandHigh = Price.FromUnits(1_000),
    };

    /// <summary>Feeds one event to the strategy and returns its intent (absent when it emitted none).</summary>
    public static OrderIntent Feed(IStrategy strategy, IPortfolioView portfolio, MarketEvent e)
    {
        var intent = default(OrderIntent);
        strategy.OnMarketEvent(in e, 0, Open, portfolio, ref intent);
        return intent;
    }
}
