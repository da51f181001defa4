using System.Globalization;
using System.Text.Json;
using RoboTrader.Engine.Reporting.Statistics;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Reporting;

/// <summary>
/// Writes <see cref="ReportStatistics"/> as stats.json: snake_case keys in a fixed order; ratios as JSON numbers rounded
/// to 12 significant digits (null when undefined); money as exact decimal strings (as in summary.json); times as
/// ISO 8601 UTC strings. The same statistics always give the same bytes.
/// </summary>
public static class StatsJson
{
    /// <summary>The file name in an output folder.</summary>
    public const string FileName = "stats.json";

    /// <summary>Writes <paramref name="stats"/> to <paramref name="stream"/>.</summary>
    public static void Write(ReportStatistics stats, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stats);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        Number(json, "total_return", stats.TotalReturn);
        Number(json, "cagr", stats.Cagr);
        Number(json, "volatility", stats.Volatility);
        Number(json, "sharpe", stats.Sharpe);
        Number(json, "sortino", stats.Sortino);
        Number(json, "max_drawdown", stats.MaxDrawdown);
        MoneyOrNull(json, "max_drawdown_amount", stats.MaxDrawdownAmount);
        Number(json, "max_drawdown_duration_seconds", stats.MaxDrawdownDurationSeconds);
        Time(json, "max_drawdown_peak", stats.MaxDrawdownPeak);
        Time(json, "max_drawdown_trough", stats.MaxDrawdownTrough);
        Time(json, "max_drawdown_recovery", stats.MaxDrawdownRecovery);
        Number(json, "longest_drawdown_seconds", stats.LongestDrawdownSeconds);
        Number(json, "win_rate", stats.WinRate);
        Number(json, "profit_factor", stats.ProfitFactor);
        Number(json, "turnover", stats.Turnover);
        Number(json, "exposure", stats.Exposure);
        Number(json, "average_gross_exposure", stats.AverageGrossExposure);
        Number(json, "average_net_exposure", stats.AverageNetExposure);
        json.WriteString("fees", Money(stats.Fees));
        json.WriteNumber("trades", stats.Trades);
        json.WriteNumber("closing_trades", stats.ClosingTrades);
        json.WriteNumber("winning_trades", stats.WinningTrades);
        json.WriteNumber("losing_trades", stats.LosingTrades);
        json.WriteString("gross_profit", Money(stats.GrossProfit));
        json.WriteString("gross_loss", Money(stats.GrossLoss));
        json.WriteString("realized_pnl", Money(stats.RealizedPnl));
        json.WriteString("traded_notional", Money(stats.TradedNotional));
        Number(json, "average_equity", stats.AverageEquity);
        MoneyOrNull(json, "start_equity", stats.StartEquity);
        MoneyOrNull(json, "end_equity", stats.EndEquity);
        MoneyOrNull(json, "net_pnl", stats.NetPnl);
        Time(json, "start", stats.Start);
        Time(json, "end", stats.End);
        json.WriteNumber("samples", stats.Samples);
        json.WriteNumber("periods", stats.Periods);
        Number(json, "sample_interval_seconds", stats.SampleIntervalSeconds);
        Number(json, "periods_per_year", stats.PeriodsPerYear);
        Number(json, "risk_free_rate", stats.RiskFreeRate);
        json.WriteNumber("breaches", stats.Breaches);
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>A double rounded to 12 significant digits (what stats.json and report.html show), or NaN for null.</summary>
    public static double Round(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>An exact decimal as text: invariant, no exponent, no trailing zeros ("1050", "0.5", "-3.25").</summary>
    public static string Money(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Round(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void MoneyOrNull(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, Money(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Time(Utf8JsonWriter json, string name, long? utcNanos)
    {
        if (utcNanos is { } t)
        {
            json.WriteString(name, EventTime.ToIso(t));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
