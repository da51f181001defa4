using System.Globalization;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Statistics;
using EquitySample = RoboTrader.Engine.Reporting.Inputs.EquitySample;

namespace RoboTrader.Engine.Reporting.Html;

/// <content>The tables: monthly and daily returns, risk breaches, trades.</content>
public static partial class ReportHtml
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static void WriteMonthly(HtmlWriter html, IReadOnlyList<EquitySample> equity)
    {
        html.Raw("<h2 id=\"monthly\">Monthly returns</h2>\n");
        var monthly = PeriodReturns.Monthly(equity);
        if (monthly.Count == 0)
        {
            html.Raw("<p class=\"note\">No equity samples.</p>\n");
            return;
        }

        var yearly = PeriodReturns.Yearly(equity).ToDictionary(y => y.Year);
        html.Raw("<table class=\"monthly\">\n<tr><th class=\"t\">Year</th>");
        foreach (var month in s_months)
        {
            html.Element("th", month);
        }

        html.Raw("<th>Year</th></tr>\n");
        foreach (var year in monthly.Select(m => m.Year).Distinct())
        {
            html.Raw("<tr>").Element("td", year.ToString(CultureInfo.InvariantCulture), "t");
            for (var month = 1; month <= 12; month++)
            {
                var cell = monthly.Find(m => m.Year == year && m.Month == month);
                SignedCell(html, cell?.Return, cell is null ? "" : Format.Percent(cell.Return));
            }

            SignedCell(html, yearly[year].Return, Format.Percent(yearly[year].Return));
            html.Raw("</tr>\n");
        }

        html.Raw("</table>\n<p class=\"note\">By UTC calendar month: the month's last sample over the previous month's last sample (the first sample for the first month).</p>\n");
    }

    private static void WriteDaily(HtmlWriter html, IReadOnlyList<EquitySample> equity)
    {
        html.Raw("<h2 id=\"daily\">Daily returns</h2>\n");
        var daily = PeriodReturns.Daily(equity);
        if (daily.Count == 0)
        {
            html.Raw("<p class=\"note\">No equity samples.</p>\n");
            return;
        }

        html.Raw("<div class=\"scroll\"><table class=\"daily\">\n<tr><th class=\"t\">Date (UTC)</th><th>Start equity</th><th>End equity</th><th>PnL</th><th>Return</th></tr>\n");
        foreach (var day in daily)
        {
            html.Raw("<tr>").Element("td", new DateOnly(day.Year, day.Month, day.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "t")
                .Element("td", Format.Exact(day.StartEquity)).Element("td", Format.Exact(day.EndEquity));
            SignedCell(html, (double)day.Pnl, Format.Exact(day.Pnl));
            SignedCell(html, day.Return, Format.Percent(day.Return));
            html.Raw("</tr>\n");
        }

        html.Raw("</table></div>\n");
    }

    private static void WriteBreaches(HtmlWriter html, IReadOnlyList<BreachRecord> breaches, int maxRows)
    {
        html.Raw("<h2 id=\"breaches\">Risk breaches</h2>\n");
        if (breaches.Count == 0)
        {
            html.Raw("<p class=\"note\">None.</p>\n");
            return;
        }

        html.Raw("<div class=\"scroll\"><table class=\"breaches\">\n<tr><th>seq</th><th class=\"t\">Time (UTC)</th><th class=\"t\">Symbol</th><th class=\"t\">Rule</th><th class=\"t\">State</th><th class=\"t\">Detail</th></tr>\n");
        foreach (var b in breaches.Take(maxRows))
        {
            html.Raw("<tr>").Element("td", b.Sequence.ToString(CultureInfo.InvariantCulture)).Element("td", Format.Time(b.TimeNanos), "t")
                .Element("td", b.Symbol, "t").Element("td", b.Rule, "t").Element("td", b.State, "t").Element("td", b.Detail, "t").Raw("</tr>\n");
        }

        html.Raw("</table></div>\n");
        LeftOut(html, breaches.Count, maxRows, "breaches.csv");
    }

    private static void WriteTrades(HtmlWriter html, IReadOnlyList<TradeRecord> trades, int maxRows)
    {
        html.Raw("<h2 id=\"trades\">Trades</h2>\n");
        if (trades.Count == 0)
        {
            html.Raw("<p class=\"note\">No fills.</p>\n");
            return;
        }

        html.Raw("<div class=\"scroll\"><table class=\"trades\">\n<tr><th>seq</th><th class=\"t\">Time (UTC)</th><th class=\"t\">Symbol</th><th class=\"t\">Side</th><th>Qty</th><th>Price</th><th>Fee</th>")
            .Raw("<th class=\"t\">Order</th><th class=\"t\">Type</th><th>Limit</th><th>Stop</th><th>Position</th><th>Realized PnL</th></tr>\n");
        foreach (var t in trades.Take(maxRows))
        {
            html.Raw("<tr>").Element("td", t.Sequence.ToString(CultureInfo.InvariantCulture)).Element("td", Format.Time(t.TimeNanos), "t")
                .Element("td", t.Symbol, "t").Element("td", t.Side == Side.Buy ? "BUY" : "SELL", "t")
                .Element("td", Format.Exact(t.Quantity)).Element("td", Format.Exact(t.Price)).Element("td", Format.Exact(t.Fee))
                .Element("td", t.OrderId, "t").Element("td", t.OrderType, "t")
                .Element("td", t.LimitPrice is null ? "" : Format.Exact(t.LimitPrice)).Element("td", t.StopPrice is null ? "" : Format.Exact(t.StopPrice))
                .Element("td", Format.Exact(t.Position));
            SignedCell(html, (double)t.RealizedPnl, Format.Exact(t.RealizedPnl));
            html.Raw("</tr>\n");
        }

        html.Raw("</table></div>\n");
        LeftOut(html, trades.Count, maxRows, "trades.csv");
    }

    private static void LeftOut(HtmlWriter html, int count, int maxRows, string file)
    {
        if (count > maxRows)
        {
            html.Raw("<p class=\"note\">").Text(string.Create(CultureInfo.InvariantCulture, $"The first {maxRows} of {count} rows; {file} holds them all.")).Raw("</p>\n");
        }
    }

    private static void SignedCell(HtmlWriter html, double? value, string text)
        => html.Element("td", text, value switch { > 0 => "pos", < 0 => "neg", _ => null });
}
