using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// What decide may still do for the event's symbol, computed by risk: the trading state, quantities that may still be
/// bought or sold under every quantity, notional and exposure limit (reduce-only in REDUCING, nothing in HALTED), the
/// bands an order price must fall in, the per-order notional limit, a data guard that blocks the symbol, and the gate
/// (throttle and breach latches) the check uses.
/// </summary>
public struct RiskEnvelope
{
    /// <summary>The trading state in force (HALTED also on events that carry no market data).</summary>
    public TradingState State;

    /// <summary>Most that may still be bought (positive or zero).</summary>
    public Quantity MaxBuy;

    /// <summary>Most that may still be sold (positive or zero).</summary>
    public Quantity MaxSell;

    /// <summary>The rule that sets <see cref="MaxBuy"/> (the tightest limit).</summary>
    public RiskRule BuyRule;

    /// <summary>The rule that sets <see cref="MaxSell"/>.</summary>
    public RiskRule SellRule;

    /// <summary>A data guard (<see cref="RiskRule.StaleData"/>, <see cref="RiskRule.CrossedQuote"/>) that refuses every order on the symbol now.</summary>
    public RiskRule Block;

    /// <summary>The event's symbol.</summary>
    public SymbolId Symbol;

    /// <summary>The last trade price the band is centred on (zero: no reference yet, no order allowed).</summary>
    public Price Reference;

    /// <summary>Lowest acceptable order price.</summary>
    public Price BandLow;

    /// <summary>Highest acceptable order price.</summary>
    public Price BandHigh;

    /// <summary>Lowest acceptable order price around the last quote's midpoint (both zero: no mid band).</summary>
    public Price MidBandLow;

    /// <summary>Highest acceptable order price around the last quote's midpoint.</summary>
    public Price MidBandHigh;

    /// <summary>Largest notional of one order (zero: no limit).</summary>
    public Money MaxOrderNotional;

    /// <summary>What the block measured (the stale reference's age in fixed-point seconds, or the crossed bid).</summary>
    public long BlockObserved;

    /// <summary>The block's limit (the stale-data limit in fixed-point seconds, or the crossed ask).</summary>
    public long BlockLimit;

    /// <summary>The throttle and breach latches (null: no throttle, breaches not recorded).</summary>
    public RiskGate? Gate;

    /// <summary>True when no new orders are allowed at all.</summary>
    public readonly bool Halted => State == TradingState.Halted;
}
