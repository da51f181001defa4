using RoboTrader.Engine.Reporting.Inputs;

namespace RoboTrader.Engine.Reporting.Statistics;

/// <summary>Computes <see cref="ReportStatistics"/> (definitions there and in docs/REPORT.md): exact sums in decimal, ratios in double.</summary>
public static class StatisticsCalculator
{
    private const double NanosPerSecond = 1e9;

    /// <summary>Computes the statistics of <paramref name="inputs"/>.</summary>
    public static ReportStatistics Compute(ReportInputs inputs, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var stats = new ReportStatistics { RiskFreeRate = options.RiskFreeRate, Breaches = inputs.Breaches.Count };
        stats = WithTrades(stats, inputs.Trades);
        return WithEquity(stats, inputs.Equity, options);
    }

    private static ReportStatistics WithTrades(ReportStatistics stats, IReadOnlyList<TradeRecord> trades)
    {
        int closing = 0, wins = 0, losses = 0;
        decimal profit = 0, loss = 0, realized = 0, notional = 0, fees = 0;
        foreach (var trade in trades)
        {
            notional += trade.Notional;
            fees += trade.Fee;
            realized += trade.RealizedPnl;
            if (trade.RealizedPnl > 0)
            {
                profit += trade.RealizedPnl;
            }
            else if (trade.RealizedPnl < 0)
            {
                loss -= trade.RealizedPnl;
            }

            if (trade.IsClosing)
            {
                closing++;
                wins += trade.RealizedPnl > 0 ? 1 : 0;
                losses += trade.RealizedPnl < 0 ? 1 : 0;
            }
        }

        return stats with
        {
            Trades = trades.Count,
            ClosingTrades = closing,
            WinningTrades = wins,
            LosingTrades = losses,
            WinRate = closing == 0 ? null : (double)wins / closing,
            GrossProfit = profit,
            GrossLoss = loss,
            ProfitFactor = loss == 0 ? null : Finite((double)profit / (double)loss),
            RealizedPnl = realized,
            TradedNotional = notional,
            Fees = fees,
        };
    }

    private static ReportStatistics WithEquity(ReportStatistics stats, IReadOnlyList<EquitySample> samples, ReportOptions options)
    {
        stats = stats with { Samples = samples.Count, Periods = Math.Max(0, samples.Count - 1) };
        if (samples.Count == 0)
        {
            return stats;
        }

        var e0 = samples[0].Equity;
        var en = samples[^1].Equity;
        var allPositive = samples.All(s => s.Equity > 0);
        var equitySum = 0.0;
        var grossSum = 0.0;
        var netSum = 0.0;
        var exposed = 0;
        foreach (var s in samples)
        {
            equitySum += (double)s.Equity;
            exposed += s.GrossExposure != 0 ? 1 : 0;
            if (allPositive)
            {
                grossSum += (double)(s.GrossExposure / s.Equity);
                netSum += (double)(s.NetExposure / s.Equity);
            }
        }

        var averageEquity = equitySum / samples.Count;
        stats = stats with
        {
            Start = samples[0].TimeNanos,
            End = samples[^1].TimeNanos,
            StartEquity = e0,
            EndEquity = en,
            NetPnl = en - e0,
            TotalReturn = e0 > 0 ? Finite((double)(en / e0) - 1) : null,
            AverageEquity = averageEquity,
            Turnover = averageEquity > 0 ? Finite((double)stats.TradedNotional / averageEquity) : null,
            Exposure = (double)exposed / samples.Count,
            AverageGrossExposure = allPositive ? grossSum / samples.Count : null,
            AverageNetExposure = allPositive ? netSum / samples.Count : null,
        };
        stats = Drawdowns.With(stats, samples);
        return WithReturns(stats, samples, options, allPositive);
    }

    private static ReportStatistics WithReturns(ReportStatistics stats, IReadOnlyList<EquitySample> samples, ReportOptions options, bool allPositive)
    {
        var n = samples.Count - 1;
        var interval = options.SampleInterval?.Ticks * 100.0 / NanosPerSecond ?? ModalSpacingSeconds(samples);
        if (interval is not { } delta)
        {
            return stats;
        }

        var p = Annualization.PeriodsPerYear(delta);
        stats = stats with { SampleIntervalSeconds = delta, PeriodsPerYear = p };
        if (n < 1 || samples[0].Equity <= 0)
        {
            return stats;
        }

        var growth = (double)(samples[^1].Equity / samples[0].Equity);
        stats = stats with { Cagr = growth <= 0 ? -1 : Finite(Math.Pow(growth, p / n) - 1) };
        if (!allPositive)
        {
            return stats; // a return after a non-positive equity is undefined
        }

        var rf = options.RiskFreeRate / p;
        var returns = new double[n];
        var sum = 0.0;
        for (var i = 1; i <= n; i++)
        {
            returns[i - 1] = (double)(samples[i].Equity / samples[i - 1].Equity) - 1;
            sum += returns[i - 1];
        }

        var mean = sum / n;
        var downside = 0.0;
        var squares = 0.0;
        foreach (var r in returns)
        {
            squares += (r - mean) * (r - mean);
            var below = Math.Min(0, r - rf);
            downside += below * below;
        }

        var sqrtP = Math.Sqrt(p);
        var deviation = n >= 2 ? Math.Sqrt(squares / (n - 1)) : (double?)null;
        var downsideDeviation = Math.Sqrt(downside / n);
        return stats with
        {
            Volatility = deviation * sqrtP,
            Sharpe = deviation is > 0 and { } s ? Finite((mean - rf) / s * sqrtP) : null,
            Sortino = downsideDeviation > 0 ? Finite((mean - rf) / downsideDeviation * sqrtP) : null,
        };
    }

    /// <summary>The most frequent positive spacing of consecutive samples in seconds (the smallest on a tie); null when there is none.</summary>
    internal static double? ModalSpacingSeconds(IReadOnlyList<EquitySample> samples)
    {
        var counts = new SortedDictionary<long, int>();
        for (var i = 1; i < samples.Count; i++)
        {
            var spacing = samples[i].TimeNanos - samples[i - 1].TimeNanos;
            if (spacing > 0)
            {
                counts[spacing] = counts.GetValueOrDefault(spacing) + 1;
            }
        }

        long best = 0;
        var bestCount = 0;
        foreach (var (spacing, count) in counts)
        {
            if (count > bestCount)
            {
                best = spacing;
                bestCount = count;
            }
        }

        return bestCount == 0 ? null : best / NanosPerSecond;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
