namespace RoboTrader.Engine.Risk;

/// <summary>
/// A risk rule that can refuse or clamp an order or change the trading state. Its text name (<see cref="RiskRules.Name"/>)
/// is the command-line option that configures it; breaches.csv, the ledger and summary.json use that name.
/// </summary>
/// <remarks>
/// What a breach record's observed value and limit mean, per rule (exact decimals in the rule's unit): order-level caps
/// (<see cref="MaxPosition"/> to <see cref="MaxPortfolioRiskPercent"/> when they clamp an order, <see cref="ReduceOnly"/>,
/// <see cref="Halted"/>) — the quantity asked and the quantity allowed; <see cref="MaxOrderNotional"/> — the order's
/// notional and the limit; the bands — the order price and the band edge it crossed; <see cref="StaleData"/> — the age
/// of the reference price and the limit, in seconds; <see cref="CrossedQuote"/> — the bid and the ask; the throttles —
/// the tokens left and the burst; portfolio breaches — the measure (loss, drawdown %, exposure, exposure % of equity)
/// and the limit.
/// </remarks>
public enum RiskRule : byte
{
    /// <summary>No rule.</summary>
    None = 0,

    /// <summary>Trading is HALTED (operator, kill switch or a breach): only cancels.</summary>
    Halted = 1,

    /// <summary>Trading is REDUCING: only orders that reduce the position.</summary>
    ReduceOnly = 2,

    /// <summary>Largest absolute position per symbol (quantity), working orders included.</summary>
    MaxPosition = 3,

    /// <summary>Largest absolute position notional per symbol, at the reference price.</summary>
    MaxPositionNotional = 4,

    /// <summary>Largest |position × price| as a percent of equity, per symbol.</summary>
    MaxPositionRiskPercent = 5,

    /// <summary>Largest notional of one order.</summary>
    MaxOrderNotional = 6,

    /// <summary>Largest gross exposure Σ|position × mark|: caps orders, and a breach changes the state.</summary>
    MaxGrossExposure = 7,

    /// <summary>Largest |net exposure| |Σ position × mark|: caps orders, and a breach changes the state.</summary>
    MaxNetExposure = 8,

    /// <summary>Largest gross exposure as a percent of equity: caps orders, and a breach changes the state.</summary>
    MaxPortfolioRiskPercent = 9,

    /// <summary>Largest drop of equity from the day's first equity (day: exchange date in America/New_York).</summary>
    DailyLossLimit = 10,

    /// <summary>Largest drop of equity from its high-water mark, in percent of the mark.</summary>
    MaxDrawdownPercent = 11,

    /// <summary>The global order-rate token bucket is empty.</summary>
    OrderRate = 12,

    /// <summary>The symbol's order-rate token bucket is empty.</summary>
    SymbolOrderRate = 13,

    /// <summary>The order price is outside the band around the last trade.</summary>
    PriceBand = 14,

    /// <summary>The order price is outside the band around the last quote's midpoint.</summary>
    MidBand = 15,

    /// <summary>The symbol's last trade (the reference price) is older than the stale-data limit.</summary>
    StaleData = 16,

    /// <summary>The symbol's last quote is crossed or locked (bid ≥ ask).</summary>
    CrossedQuote = 17,

    /// <summary>No trade seen yet for the symbol: nothing to check an order against.</summary>
    NoReference = 18,
}
