namespace RoboTrader.Engine.Risk;

/// <summary>The portfolio-wide limits in force (raw values; zero: off). Start from the options; <c>set_limit</c> changes them.</summary>
internal struct PortfolioLimits
{
    public Int128 MaxOrderNotional;
    public Int128 MaxGrossExposure;
    public Int128 MaxNetExposure;
    public Int128 DailyLossLimit;
    public long MaxDrawdownPercent;
    public long MaxPortfolioRiskPercent;
    public long MaxPositionRiskPercent;

    /// <summary>True when a limit needs the portfolio's figures on every event.</summary>
    /// <remarks>Read on every event: ORs, no branch per limit, inlined (the six compares were a call of their own in the profile).</remarks>
    public readonly bool Any
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => (MaxGrossExposure | MaxNetExposure | DailyLossLimit) != 0 || (MaxDrawdownPercent | MaxPortfolioRiskPercent | MaxPositionRiskPercent) != 0;
    }

    public static PortfolioLimits From(RiskOptions options) => new()
    {
        MaxOrderNotional = options.MaxOrderNotional.Raw,
        MaxGrossExposure = options.MaxGrossExposure.Raw,
        MaxNetExposure = options.MaxNetExposure.Raw,
        DailyLossLimit = options.DailyLossLimit.Raw,
        MaxDrawdownPercent = options.MaxDrawdownPercent,
        MaxPortfolioRiskPercent = options.MaxPortfolioRiskPercent,
        MaxPositionRiskPercent = options.MaxPositionRiskPercent,
    };
}
