using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Risk;

/// <summary>Names and codes of <see cref="RiskRule"/>s.</summary>
public static class RiskRules
{
    /// <summary>Number of rules (the largest value + 1).</summary>
    public const int Count = (int)RiskRule.NoReference + 1;

    private static readonly string[] s_names =
    [
        "none", "halted", "reduce-only", "max-position", "max-position-notional", "max-position-risk-pct", "max-order-notional",
        "max-gross-exposure", "max-net-exposure", "max-portfolio-risk-pct", "daily-loss-limit", "max-drawdown-pct",
        "order-rate", "symbol-order-rate", "price-band-pct", "mid-band-pct", "stale-after", "crossed-quote-guard", "no-last-trade",
    ];

    /// <summary>The rule's name: the command-line option that configures it (or a fixed word for the state rules).</summary>
    public static string Name(RiskRule rule) => s_names[(int)rule];

    /// <summary>The error an intent refused or clamped by <paramref name="rule"/> carries.</summary>
    public static ErrorCode Code(RiskRule rule) => rule switch
    {
        RiskRule.None => ErrorCode.None,
        RiskRule.Halted => ErrorCode.RiskKillSwitch,
        RiskRule.ReduceOnly => ErrorCode.RiskReduceOnly,
        RiskRule.MaxPosition => ErrorCode.RiskMaxPosition,
        RiskRule.MaxOrderNotional => ErrorCode.RiskOrderNotional,
        RiskRule.MaxPositionNotional or RiskRule.MaxPositionRiskPercent or RiskRule.MaxGrossExposure or RiskRule.MaxNetExposure
            or RiskRule.MaxPortfolioRiskPercent or RiskRule.DailyLossLimit or RiskRule.MaxDrawdownPercent => ErrorCode.RiskExposure,
        RiskRule.OrderRate or RiskRule.SymbolOrderRate => ErrorCode.RiskThrottle,
        RiskRule.PriceBand or RiskRule.MidBand => ErrorCode.RiskPriceBand,
        RiskRule.StaleData => ErrorCode.RiskStaleData,
        RiskRule.CrossedQuote => ErrorCode.RiskCrossedQuote,
        RiskRule.NoReference => ErrorCode.RiskNoReferencePrice,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown risk rule"),
    };

    /// <summary>The upper-case name of a trading state (ACTIVE, REDUCING, HALTED).</summary>
    public static string StateName(Core.Trading.TradingState state) => state switch
    {
        Core.Trading.TradingState.Active => "ACTIVE",
        Core.Trading.TradingState.Reducing => "REDUCING",
        Core.Trading.TradingState.Halted => "HALTED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown trading state"),
    };
}
