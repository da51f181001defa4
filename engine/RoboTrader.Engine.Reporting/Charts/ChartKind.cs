namespace RoboTrader.Engine.Reporting.Charts;

/// <summary>How a chart draws its series.</summary>
public enum ChartKind : byte
{
    /// <summary>A line (the equity curve).</summary>
    Line,

    /// <summary>A filled area down from zero (the drawdown, values ≤ 0).</summary>
    Area,
}
