using System.Globalization;
using RoboTrader.Engine.Reporting.Charts;
using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Statistics;

namespace RoboTrader.Engine.Reporting.Html;

/// <summary>
/// Renders report.html: one self-contained, XHTML-compatible page (an inline stylesheet, inline SVG charts, no script,
/// no external resource of any kind, no generation time) with the run's facts, the statistics, the equity and
/// drawdown charts, monthly and daily returns, the risk breaches and the trade list.
/// </summary>
public static partial class ReportHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1040px;padding:0 16px;color:#1f2328;background:#fff}
        h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
        p.note{color:#59636e;font-size:.85em;margin:4px 0}
        table{border-collapse:collapse;font-size:.85em;font-variant-numeric:tabular-nums}
        th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:right;white-space:nowrap}th{background:#f6f8fa}
        td.t,th.t{text-align:left}td.pos{color:#1a7f37}td.neg{color:#cf222e}
        table.kv td:first-child{text-align:left;color:#59636e}table.kv td.t{white-space:normal;overflow-wrap:anywhere;max-width:60em}
        .grid2{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
        .scroll{max-height:480px;overflow:auto;border:1px solid #d0d7de}.scroll table{border:0}.scroll th{position:sticky;top:0}
        svg.chart{width:100%;height:auto;display:block;background:#fff}
        svg.chart rect.plot{fill:#fbfcfd;stroke:#d0d7de}svg.chart line.grid{stroke:#eaeef2}
        svg.chart line.axis,svg.chart line.tick{stroke:#8c959f}
        svg.chart text{font-size:12px;fill:#59636e;font-family:system-ui,sans-serif}
        svg.chart path.series{fill:none;stroke:#0969da;stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}
        #drawdown-chart path.series{stroke:#cf222e;stroke-width:1}#drawdown-chart path.area{fill:#cf222e;fill-opacity:.25;stroke:none}
        svg.chart circle.point{fill:#0969da}
        """;

    /// <summary>Renders the page.</summary>
    public static string Render(ReportInputs inputs, ReportStatistics stats, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(options);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Raw("<title>").Text(Title(inputs.Run)).Raw("</title>\n<style>\n").Raw(Style).Raw("</style>\n</head>\n<body>\n");
        html.Element("h1", Title(inputs.Run)).Raw("\n");
        html.Raw("<p class=\"note\">").Text(Span(stats)).Raw("</p>\n");
        // What people look at first: the figures and the curves; the run's facts come after them.
        WriteStatistics(html, stats);
        WriteCharts(html, inputs.Equity);
        WriteRun(html, inputs.Run);
        WriteMonthly(html, inputs.Equity);
        WriteDaily(html, inputs.Equity);
        WriteBreaches(html, inputs.Breaches, options.MaxBreachRows);
        WriteTrades(html, inputs.Trades, options.MaxTradeRows);
        html.Raw("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Title(RunFacts run)
    {
        var strategy = run.Parameter("strategy");
        var symbols = run.Parameter("symbols");
        return "Backtest report" + (strategy is null ? "" : " — " + strategy) + (symbols is null ? "" : " on " + symbols.ToUpperInvariant());
    }

    private static string Span(ReportStatistics stats) => stats.Start is null
        ? "No equity samples."
        : string.Create(CultureInfo.InvariantCulture, $"{Format.Time(stats.Start)} to {Format.Time(stats.End)} UTC, {stats.Samples} equity samples, {stats.Trades} fills.");

    private static void WriteRun(HtmlWriter html, RunFacts run)
    {
        if (run.Facts.Count == 0 && run.Parameters.Count == 0)
        {
            return;
        }

        html.Raw("<h2 id=\"run\">Run</h2>\n<div class=\"grid2\">\n");
        KeyValues(html, run.Parameters);
        KeyValues(html, run.Facts);
        html.Raw("</div>\n");
    }

    private static void KeyValues(HtmlWriter html, IReadOnlyList<KeyValuePair<string, string>> rows)
    {
        html.Raw("<table class=\"kv\">\n");
        foreach (var (key, value) in rows)
        {
            html.Raw("<tr>").Element("td", key).Element("td", value, "t").Raw("</tr>\n");
        }

        html.Raw("</table>\n");
    }

    private static void WriteStatistics(HtmlWriter html, ReportStatistics s)
    {
        html.Raw("<h2 id=\"statistics\">Statistics</h2>\n<div class=\"grid2\">\n");
        KeyValues(html, [
            new("Total return", Format.Percent(s.TotalReturn)),
            new("CAGR", Format.Percent(s.Cagr)),
            new("Annualized volatility", Format.Percent(s.Volatility)),
            new("Sharpe ratio", Format.Ratio(s.Sharpe)),
            new("Sortino ratio", Format.Ratio(s.Sortino)),
            new("Max drawdown", Format.Percent(s.MaxDrawdown) + " (" + Format.Exact(s.MaxDrawdownAmount) + ")"),
            new("Max drawdown duration", Format.Duration(s.MaxDrawdownDurationSeconds)),
            new("Max drawdown peak", Format.Time(s.MaxDrawdownPeak)),
            new("Max drawdown trough", Format.Time(s.MaxDrawdownTrough)),
            new("Max drawdown recovery", s.MaxDrawdown is > 0 && s.MaxDrawdownRecovery is null ? "not recovered" : Format.Time(s.MaxDrawdownRecovery)),
            new("Longest drawdown", Format.Duration(s.LongestDrawdownSeconds)),
        ]);
        KeyValues(html, [
            new("Fills", s.Trades.ToString(CultureInfo.InvariantCulture)),
            new("Closing fills (won / lost)", string.Create(CultureInfo.InvariantCulture, $"{s.ClosingTrades} ({s.WinningTrades} / {s.LosingTrades})")),
            new("Win rate", Format.Percent(s.WinRate)),
            new("Profit factor", Format.Ratio(s.ProfitFactor)),
            new("Gross profit / loss", Format.Exact(s.GrossProfit) + " / " + Format.Exact(s.GrossLoss)),
            new("Realized PnL (before fees)", Format.Exact(s.RealizedPnl)),
            new("Fees", Format.Exact(s.Fees)),
            new("Traded notional", Format.Exact(s.TradedNotional)),
            new("Turnover", Format.Ratio(s.Turnover)),
            new("Exposure (time in market)", Format.Percent(s.Exposure)),
            new("Average gross / net exposure", Format.Percent(s.AverageGrossExposure) + " / " + Format.Percent(s.AverageNetExposure)),
        ]);
        KeyValues(html, [
            new("Start equity", Format.Exact(s.StartEquity)),
            new("End equity", Format.Exact(s.EndEquity)),
            new("Net PnL", Format.Exact(s.NetPnl)),
            new("Risk breaches", s.Breaches.ToString(CultureInfo.InvariantCulture)),
            new("Sample interval", Format.Duration(s.SampleIntervalSeconds)),
            new("Periods per year", Format.Number(s.PeriodsPerYear, 0)),
            new("Risk-free rate (annual)", Format.Percent(s.RiskFreeRate)),
        ]);
        html.Raw("</div>\n<p class=\"note\">Returns are per equity sample; a year is 252 trading days of 6.5 hours. Definitions: docs/REPORT.md and stats.json.</p>\n");
    }

    private static void WriteCharts(HtmlWriter html, IReadOnlyList<EquitySample> equity)
    {
        var times = equity.Select(e => e.TimeNanos).ToArray();
        var values = equity.Select(e => (double)e.Equity).ToArray();
        html.Raw("<h2 id=\"equity\">Equity</h2>\n");
        SvgChart.Write(html, "equity-chart", "Equity", times, values, ChartKind.Line, (v, step) => v.ToString("N" + ValueTicks.Decimals(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        html.Raw("<h2 id=\"drawdown\">Drawdown</h2>\n");
        // As a fraction of the peak; in money when some equity is not positive (a run without starting capital).
        var fractions = equity.All(e => e.Equity > 0);
        var drawdown = new double[values.Length];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            peak = Math.Max(peak, values[i]);
            drawdown[i] = fractions ? (values[i] / peak) - 1 : values[i] - peak;
        }

        SvgChart.Write(html, "drawdown-chart", fractions ? "Drawdown" : "Drawdown (money)", times, drawdown, ChartKind.Area, fractions
            ? (v, step) => (v * 100).ToString("F" + ValueTicks.Decimals(step * 100).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%"
            : (v, step) => v.ToString("N" + ValueTicks.Decimals(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        if (!fractions && equity.Count > 0)
        {
            html.Raw("<p class=\"note\">Equity is not always positive (the run had no starting capital?): returns and ratios are undefined, and the drawdown is shown in money.</p>\n");
        }
        html.Raw("<p class=\"note\">The x axis is the sample order (UTC): time without samples (nights, weekends) is not drawn. Series longer than ")
            .Raw(SvgChart.MaxPoints.ToString(CultureInfo.InvariantCulture)).Raw(" samples are drawn through each stretch's lowest and highest sample.</p>\n");
    }
}
