using System.Globalization;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// Risk limits in force, validated before the engine starts. Every limit but the position limit and the price band is
/// off by default (zero); percents are fixed point (raw 10^-8 percent, so 2.5% is <c>250_000_000</c>); the key named in
/// an error is the limit's command-line option (and config-file key).
/// </summary>
/// <param name="MaxPosition">Largest absolute position per symbol, counting pending orders; orders beyond it are clamped.</param>
/// <param name="PriceBandPercent">How far (in percent of the last trade) an order's price may be from the last trade.</param>
/// <param name="KillSwitchEngaged">Start with the kill switch engaged (no orders at all).</param>
/// <remarks>
/// Definitions (E is equity as of the event, marks at each symbol's last trade; P a symbol's position plus its working
/// orders on the order's side; r the symbol's last trade):
/// position notional = |P| × r ≤ <see cref="MaxPositionNotional"/>; position risk % = |P| × r / E × 100 ≤
/// <see cref="MaxPositionRiskPercent"/>; gross exposure = Σ|position × mark| ≤ <see cref="MaxGrossExposure"/>; net
/// exposure = |Σ position × mark| ≤ <see cref="MaxNetExposure"/>; portfolio risk % = gross exposure / E × 100 ≤
/// <see cref="MaxPortfolioRiskPercent"/>; daily loss = the day's first E − E &lt; <see cref="DailyLossLimit"/>;
/// drawdown % = (high-water E − E) / high-water E × 100 &lt; <see cref="MaxDrawdownPercent"/>. With E ≤ 0 any exposure
/// is over a risk-% limit, so the risk-% limits and the drawdown need a positive starting equity (initial cash).
/// </remarks>
public sealed record RiskOptions(Quantity MaxPosition, long PriceBandPercent, bool KillSwitchEngaged)
{
    /// <summary>Defaults: 1,000,000 units per symbol, a 10% band, switch released, every other limit off.</summary>
    public static RiskOptions Default { get; } = new(Quantity.FromUnits(1_000_000), 10, false);

    /// <summary>Largest absolute position notional per symbol at the last trade (zero: off). Key <c>max-position-notional</c>.</summary>
    public Money MaxPositionNotional { get; init; }

    /// <summary>Largest position notional as a percent of equity, per symbol (zero: off). Key <c>max-position-risk-pct</c>.</summary>
    public long MaxPositionRiskPercent { get; init; }

    /// <summary>Largest notional of one order at its price (zero: off); larger orders are clamped. Key <c>max-order-notional</c>.</summary>
    public Money MaxOrderNotional { get; init; }

    /// <summary>Largest gross exposure (zero: off). Key <c>max-gross-exposure</c>.</summary>
    public Money MaxGrossExposure { get; init; }

    /// <summary>Largest absolute net exposure (zero: off). Key <c>max-net-exposure</c>.</summary>
    public Money MaxNetExposure { get; init; }

    /// <summary>Largest gross exposure as a percent of equity (zero: off). Key <c>max-portfolio-risk-pct</c>.</summary>
    public long MaxPortfolioRiskPercent { get; init; }

    /// <summary>Loss from the day's first equity that trips the limit (zero: off). Key <c>daily-loss-limit</c>.</summary>
    public Money DailyLossLimit { get; init; }

    /// <summary>Drawdown from the equity high-water mark, in percent, that trips the limit (zero: off). Key <c>max-drawdown-pct</c>.</summary>
    public long MaxDrawdownPercent { get; init; }

    /// <summary>Global order rate in orders per second of event time, fixed point (zero: off). Key <c>order-rate</c>.</summary>
    public long OrderRate { get; init; }

    /// <summary>Global bucket size: orders that may go at once. Key <c>order-burst</c>.</summary>
    public int OrderBurst { get; init; } = 1;

    /// <summary>Per-symbol order rate in orders per second of event time, fixed point (zero: off). Key <c>symbol-order-rate</c>.</summary>
    public long SymbolOrderRate { get; init; }

    /// <summary>Per-symbol bucket size. Key <c>symbol-order-burst</c>.</summary>
    public int SymbolOrderBurst { get; init; } = 1;

    /// <summary>How far (percent, fixed point) an order price may be from the last quote's midpoint (zero: off). Key <c>mid-band-pct</c>.</summary>
    public long MidBandPercent { get; init; }

    /// <summary>No orders on a symbol whose last trade is older than this in event time (zero: off). Key <c>stale-after</c>.</summary>
    public TimeSpan StaleAfter { get; init; }

    /// <summary>No orders on a symbol while its last quote is crossed or locked. Key <c>crossed-quote-guard</c>.</summary>
    public bool CrossedQuoteGuard { get; init; }

    /// <summary>State a daily-loss breach enters. Key <c>daily-loss-action</c>.</summary>
    public TradingState DailyLossAction { get; init; } = TradingState.Halted;

    /// <summary>State a drawdown breach enters. Key <c>drawdown-action</c>.</summary>
    public TradingState DrawdownAction { get; init; } = TradingState.Halted;

    /// <summary>State a gross-exposure breach enters. Key <c>gross-exposure-action</c>.</summary>
    public TradingState GrossExposureAction { get; init; } = TradingState.Reducing;

    /// <summary>State a net-exposure breach enters. Key <c>net-exposure-action</c>.</summary>
    public TradingState NetExposureAction { get; init; } = TradingState.Reducing;

    /// <summary>State a portfolio-risk-% breach enters. Key <c>portfolio-risk-action</c>.</summary>
    public TradingState PortfolioRiskAction { get; init; } = TradingState.Reducing;

    /// <summary>Throws an <see cref="EngineException"/> naming the key when a value is invalid.</summary>
    public void Validate()
    {
        if (MaxPosition.Raw <= 0)
        {
            throw Invalid($"max-position must be positive (got {MaxPosition})");
        }

        if (PriceBandPercent is <= 0 or > 100)
        {
            throw Invalid($"price-band-pct must be between 1 and 100 (got {PriceBandPercent})");
        }

        NonNegative("max-position-notional", MaxPositionNotional);
        NonNegative("max-order-notional", MaxOrderNotional);
        NonNegative("max-gross-exposure", MaxGrossExposure);
        NonNegative("max-net-exposure", MaxNetExposure);
        NonNegative("daily-loss-limit", DailyLossLimit);
        Percent("max-position-risk-pct", MaxPositionRiskPercent, 1000);
        Percent("max-portfolio-risk-pct", MaxPortfolioRiskPercent, 1000);
        Percent("mid-band-pct", MidBandPercent, 100);
        if (MaxDrawdownPercent < 0 || MaxDrawdownPercent >= 100 * FixedPoint.Scale)
        {
            throw Invalid($"max-drawdown-pct must be 0 (off) or above 0 and below 100 (got {FixedPoint.Format(MaxDrawdownPercent)})");
        }

        Rate("order-rate", OrderRate, "order-burst", OrderBurst);
        Rate("symbol-order-rate", SymbolOrderRate, "symbol-order-burst", SymbolOrderBurst);
        if (StaleAfter < TimeSpan.Zero || StaleAfter.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Invalid($"stale-after must be 0 (off) or a whole number of seconds (got {StaleAfter})");
        }

        Action("daily-loss-action", DailyLossAction);
        Action("drawdown-action", DrawdownAction);
        Action("gross-exposure-action", GrossExposureAction);
        Action("net-exposure-action", NetExposureAction);
        Action("portfolio-risk-action", PortfolioRiskAction);
    }

    private static void NonNegative(string key, Money value)
    {
        if (value.Raw < 0)
        {
            throw Invalid($"{key} must be 0 (off) or positive (got {value})");
        }
    }

    private static void Percent(string key, long value, long max)
    {
        if (value < 0 || value > max * FixedPoint.Scale)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{key} must be 0 (off) or a percent above 0 and at most {max} (got {FixedPoint.Format(value)})"));
        }
    }

    private static void Rate(string key, long rate, string burstKey, int burst)
    {
        if (rate < 0)
        {
            throw Invalid($"{key} must be 0 (off) or positive orders per second (got {FixedPoint.Format(rate)})");
        }

        if (burst is < 1 or > 1_000_000)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{burstKey} must be between 1 and 1000000 orders (got {burst})"));
        }
    }

    private static void Action(string key, TradingState state)
    {
        if (state is not (TradingState.Reducing or TradingState.Halted))
        {
            throw Invalid($"{key} must be reducing or halted (got {state})");
        }
    }

    private static EngineException Invalid(string message) => new(ErrorCode.ConfigurationInvalid, message);
}
