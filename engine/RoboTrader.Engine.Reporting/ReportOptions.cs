using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Reporting;

/// <summary>How the report computes and shows its figures.</summary>
public sealed record ReportOptions
{
    /// <summary>The defaults: risk-free rate 0, interval inferred from the samples, up to 10,000 trade rows in the HTML.</summary>
    public static readonly ReportOptions Default = new();

    /// <summary>Annual risk-free rate as a fraction (0.02 = 2 %); the per-period rate is this divided by the periods per year.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>The equity sample interval; null: the most frequent spacing of consecutive samples (see docs/REPORT.md).</summary>
    public TimeSpan? SampleInterval { get; init; }

    /// <summary>Most trade rows listed in report.html (trades.csv holds them all); the page says when rows are left out.</summary>
    public int MaxTradeRows { get; init; } = 10_000;

    /// <summary>Most breach rows listed in report.html.</summary>
    public int MaxBreachRows { get; init; } = 10_000;

    /// <summary>Throws an <see cref="EngineException"/> (<see cref="ErrorCode.ConfigurationInvalid"/>) naming a bad value.</summary>
    public void Validate()
    {
        if (!double.IsFinite(RiskFreeRate) || RiskFreeRate <= -1 || RiskFreeRate > 1)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--risk-free-rate must be an annual fraction above -1 and at most 1 (0.02 = 2 %), not {RiskFreeRate}");
        }

        if (SampleInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"the equity sample interval must be positive, not {interval}");
        }

        if (MaxTradeRows < 0 || MaxBreachRows < 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, "the most trade and breach rows listed must not be negative");
        }
    }
}
