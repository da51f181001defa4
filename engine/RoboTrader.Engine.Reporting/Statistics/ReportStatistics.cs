namespace RoboTrader.Engine.Reporting.Statistics;

/// <summary>
/// The statistics of a backtest, from its equity samples <c>(tᵢ, eᵢ), i = 0..n</c> (equity.csv) and its fills
/// (trades.csv). Period returns are <c>rᵢ = eᵢ / eᵢ₋₁ − 1, i = 1..n</c>; <c>P</c> is the periods per year
/// (<see cref="Annualization"/>: 252 × 6.5 h / Δ, Δ the sample interval) and <c>r_f = R_f / P</c> the per-period
/// risk-free rate. A figure that is undefined for the data (too few samples, no losses, a zero deviation, a
/// non-positive equity, a non-finite result) is null. docs/REPORT.md gives the same definitions with examples.
/// </summary>
public sealed record ReportStatistics
{
    /// <summary>Time of the first sample (UTC nanoseconds), null without samples.</summary>
    public long? Start { get; init; }

    /// <summary>Time of the last sample (UTC nanoseconds), null without samples.</summary>
    public long? End { get; init; }

    /// <summary>Equity samples read (n + 1).</summary>
    public int Samples { get; init; }

    /// <summary>Return periods (n = samples − 1, or 0).</summary>
    public int Periods { get; init; }

    /// <summary>Δ in seconds: the given interval, else the most frequent positive spacing tᵢ − tᵢ₋₁ (the smallest on a tie).</summary>
    public double? SampleIntervalSeconds { get; init; }

    /// <summary>P = 252 × 6.5 × 3600 / Δ.</summary>
    public double? PeriodsPerYear { get; init; }

    /// <summary>R_f, the annual risk-free rate used.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>e₀, exact.</summary>
    public decimal? StartEquity { get; init; }

    /// <summary>eₙ, exact.</summary>
    public decimal? EndEquity { get; init; }

    /// <summary>eₙ − e₀, exact.</summary>
    public decimal? NetPnl { get; init; }

    /// <summary>Total return: eₙ / e₀ − 1.</summary>
    public double? TotalReturn { get; init; }

    /// <summary>Compound annual growth rate: (eₙ / e₀)^(P / n) − 1 (the run lasted n periods = n / P years); −1 when eₙ ≤ 0.</summary>
    public double? Cagr { get; init; }

    /// <summary>Annualized volatility: s × √P, s the sample standard deviation of the rᵢ (divisor n − 1; needs n ≥ 2).</summary>
    public double? Volatility { get; init; }

    /// <summary>Sharpe ratio: (mean(rᵢ) − r_f) / s × √P (needs n ≥ 2 and s &gt; 0).</summary>
    public double? Sharpe { get; init; }

    /// <summary>
    /// Sortino ratio: (mean(rᵢ) − r_f) / d × √P, d the downside deviation √(Σ min(0, rᵢ − r_f)² / n) over all n
    /// periods (needs d &gt; 0).
    /// </summary>
    public double? Sortino { get; init; }

    /// <summary>
    /// Max drawdown: max over i of 1 − eᵢ / maxⱼ≤ᵢ eⱼ, a fraction (0.25 = 25 % below the peak); 0 when equity never
    /// falls; null when some eᵢ ≤ 0 (a run without starting capital: see <see cref="MaxDrawdownAmount"/>).
    /// </summary>
    public double? MaxDrawdown { get; init; }

    /// <summary>The deepest drawdown in money: max over i of maxⱼ≤ᵢ eⱼ − eᵢ, exact (defined whatever the sign of equity).</summary>
    public decimal? MaxDrawdownAmount { get; init; }

    /// <summary>
    /// Time of the peak before the max drawdown (the last sample at that peak before the fall). The max drawdown is the
    /// deepest as a fraction, or in money when fractions are undefined.
    /// </summary>
    public long? MaxDrawdownPeak { get; init; }

    /// <summary>Time of the max drawdown's lowest sample.</summary>
    public long? MaxDrawdownTrough { get; init; }

    /// <summary>Time equity first got back to the peak (eᵢ ≥ peak) after the trough; null when it never did.</summary>
    public long? MaxDrawdownRecovery { get; init; }

    /// <summary>Duration of the max drawdown: from its peak to its recovery, or to the last sample when it never recovered (seconds).</summary>
    public double? MaxDrawdownDurationSeconds { get; init; }

    /// <summary>The longest time spent below a previous peak, over every drawdown (peak to recovery or to the end, seconds).</summary>
    public double? LongestDrawdownSeconds { get; init; }

    /// <summary>Fills (rows of trades.csv).</summary>
    public int Trades { get; init; }

    /// <summary>Closing fills: the position before the fill is nonzero and the fill is on the opposite side (it reduces, closes or flips it).</summary>
    public int ClosingTrades { get; init; }

    /// <summary>Closing fills with realized_pnl &gt; 0.</summary>
    public int WinningTrades { get; init; }

    /// <summary>Closing fills with realized_pnl &lt; 0.</summary>
    public int LosingTrades { get; init; }

    /// <summary>Win rate: winning / closing fills (by realized_pnl, before fees); null without closing fills.</summary>
    public double? WinRate { get; init; }

    /// <summary>Σ realized_pnl over fills with realized_pnl &gt; 0, exact.</summary>
    public decimal GrossProfit { get; init; }

    /// <summary>Σ |realized_pnl| over fills with realized_pnl &lt; 0, exact.</summary>
    public decimal GrossLoss { get; init; }

    /// <summary>Profit factor: gross profit / gross loss; null when there is no loss.</summary>
    public double? ProfitFactor { get; init; }

    /// <summary>Σ realized_pnl over all fills (before fees), exact.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Σ |qty × price| over all fills, exact.</summary>
    public decimal TradedNotional { get; init; }

    /// <summary>Mean of eᵢ over all samples.</summary>
    public double? AverageEquity { get; init; }

    /// <summary>Turnover: traded notional / average equity.</summary>
    public double? Turnover { get; init; }

    /// <summary>Exposure (time in market): the fraction of samples with a nonzero gross exposure (some position open).</summary>
    public double? Exposure { get; init; }

    /// <summary>Mean of gross_exposureᵢ / eᵢ over all samples (needs every eᵢ &gt; 0).</summary>
    public double? AverageGrossExposure { get; init; }

    /// <summary>Mean of net_exposureᵢ / eᵢ over all samples (needs every eᵢ &gt; 0).</summary>
    public double? AverageNetExposure { get; init; }

    /// <summary>Σ fee over all fills, exact.</summary>
    public decimal Fees { get; init; }

    /// <summary>Rows of breaches.csv.</summary>
    public int Breaches { get; init; }
}
