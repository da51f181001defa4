using System.Globalization;
using System.Xml.Linq;
using RoboTrader.Engine.Reporting.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Reporting.Tests.Html;

public sealed class ReportHtmlTests
{
    private static string[] Minutes(params string[] equity)
        => equity.Select((e, i) => ReportFixture.EquityRow(ReportFixture.Day0.AddMinutes(i), e)).ToArray();

    private static XDocument Report(TempDirectory dir)
    {
        BacktestReport.Write(dir.Path, ReportOptions.Default);
        return ReportXml.Load(dir.Combine("report.html"));
    }

    [Fact]
    public void Write_LongRun_IsWellFormedWithBothChartsAndEveryTable()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.WriteLong(dir.Path, days: 3);
        var page = Report(dir);

        Assert.Equal(ReportXml.Xhtml + "html", page.Root!.Name);
        var charts = page.Descendants(ReportXml.Svg + "svg").ToList();
        Assert.Equal(["equity-chart", "drawdown-chart"], charts.Select(c => (string)c.Attribute("id")!));
        foreach (var chart in charts)
        {
            Assert.Equal("0 0 960 300", (string)chart.Attribute("viewBox")!);
            var series = chart.Descendants(ReportXml.Svg + "path").Single(p => (string?)p.Attribute("class") == "series");
            Assert.Equal(3 * 390, ((string)series.Attribute("d")!).Count(c => c is 'M' or 'L')); // 1,170 samples: all drawn
            var labels = chart.Descendants(ReportXml.Svg + "text").Select(t => t.Value).ToList();
            Assert.Contains("10-07 13:30", labels); // a time tick labelled with its date
            Assert.True(labels.Count >= 6, string.Join(" | ", labels));
        }

        var area = charts[1].Descendants(ReportXml.Svg + "path").Single(p => (string?)p.Attribute("class") == "area");
        Assert.EndsWith(" Z", (string)area.Attribute("d")!, StringComparison.Ordinal);
        var tables = page.Descendants(ReportXml.Xhtml + "table").Select(t => (string?)t.Attribute("class")).ToList();
        Assert.Contains("monthly", tables);
        Assert.Contains("daily", tables);
        Assert.Contains("breaches", tables);
        Assert.Contains("trades", tables);
        var daily = page.Descendants(ReportXml.Xhtml + "table").Single(t => (string?)t.Attribute("class") == "daily");
        Assert.Equal(4, daily.Elements(ReportXml.Xhtml + "tr").Count()); // header + 3 days
        var trades = page.Descendants(ReportXml.Xhtml + "table").Single(t => (string?)t.Attribute("class") == "trades");
        Assert.Equal(1 + (3 * 13), trades.Elements(ReportXml.Xhtml + "tr").Count()); // a fill every 30 minutes from 13:45
    }

    [Fact]
    public void Write_ReferencesNothingOutsideTheFile()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.WriteLong(dir.Path, days: 2);
        var page = Report(dir);
        var text = File.ReadAllText(dir.Combine("report.html"));

        Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed" or "use" or "image");
        Assert.DoesNotContain(page.Descendants().Attributes(), a => a.Name.LocalName is "src" or "href" or "srcset" or "action" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain("url(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", text, StringComparison.OrdinalIgnoreCase);
        // Only namespace names mention http at all; nothing is fetched from them.
        Assert.Equal(3, text.Split("http://").Length - 1); // xmlns of html and of the two svg elements
    }

    [Fact]
    public void Write_EscapesEveryPieceOfData()
    {
        using var dir = new TempDirectory("report-html");
        var nasty = "<script>alert('x')</script> & \"quoted\"";
        ReportFixture.Write(
            dir.Path,
            Minutes("100", "101"),
            [$"1,{ReportFixture.Iso(ReportFixture.Day0)},<B&A>,BUY,1,10,0,id\"1<,market,,,1,0"],
            [$"3,{ReportFixture.Iso(ReportFixture.Day0)},BAC,max_position,REDUCING,\"{nasty.Replace("\"", "\"\"", StringComparison.Ordinal)}\""],
            """{ "parameters": { "strategy": "<b>sma</b>", "symbols": "a&b" } }""");
        var page = Report(dir);

        Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "script" or "b");
        var cells = page.Descendants(ReportXml.Xhtml + "td").Select(td => td.Value).ToList();
        Assert.Contains(nasty, cells);
        Assert.Contains("<B&A>", cells);
        Assert.Contains("id\"1<", cells);
        Assert.Equal("Backtest report — <b>sma</b> on A&B", page.Descendants(ReportXml.Xhtml + "title").Single().Value);
    }

    [Fact]
    public void Write_HundredThousandSamples_DrawsAtMostTwoThousandPointsKeepingTheExtremes()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.WriteLong(dir.Path, days: 260); // 101,400 samples
        var page = Report(dir);

        var chart = page.Descendants(ReportXml.Svg + "svg").Single(s => (string?)s.Attribute("id") == "equity-chart");
        Assert.Equal("101400", (string)chart.Attribute("data-samples")!);
        var points = Points(chart);
        Assert.InRange(points.Count, 1000, 2002);
        Assert.Equal(points.Count.ToString(CultureInfo.InvariantCulture), (string)chart.Attribute("data-points")!);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.X <= p.Second.X), "x never goes back");

        // The highest and lowest equity map to the top and bottom of the drawn points: the extremes survive thinning.
        var equity = File.ReadLines(dir.Combine("equity.csv")).Skip(1).Select(l => decimal.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        var maxIndex = equity.IndexOf(equity.Max());
        var minIndex = equity.IndexOf(equity.Min());
        var top = points.MinBy(p => p.Y);
        var bottom = points.MaxBy(p => p.Y);
        Assert.Equal(X(maxIndex, equity.Count), top.X, 0.1);
        Assert.Equal(X(minIndex, equity.Count), bottom.X, 0.1);
    }

    [Fact]
    public void Write_OneSample_DrawsAPointAndLeavesRatiosUndefined()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.Write(dir.Path, Minutes("100000"), []);
        var page = Report(dir);

        var chart = page.Descendants(ReportXml.Svg + "svg").First();
        Assert.Single(Points(chart));
        Assert.Single(chart.Descendants(ReportXml.Svg + "circle"));
        var json = File.ReadAllText(dir.Combine("stats.json"));
        Assert.Contains("\"sharpe\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"total_return\": 0,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FlatCurveAndNoSamples_StillRender()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.Write(dir.Path, Minutes("5", "5", "5", "5"), []);
        var flat = Report(dir).Descendants(ReportXml.Svg + "svg").First();
        var ys = Points(flat).Select(p => p.Y).Distinct().ToList();
        Assert.Single(ys);
        Assert.InRange(ys[0], 16, 260); // a level line inside the plot, not on its edge or outside

        ReportFixture.Write(dir.Path, [], []);
        var empty = Report(dir);
        Assert.All(empty.Descendants(ReportXml.Svg + "svg"), s => Assert.Equal("no samples", s.Descendants(ReportXml.Svg + "text").Single().Value));
    }

    [Fact]
    public void Write_NoStartingCapital_DrawsTheDrawdownInMoney()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.Write(dir.Path, Minutes("0", "50", "-20", "10"), []);
        var page = Report(dir);

        var chart = page.Descendants(ReportXml.Svg + "svg").Single(s => (string?)s.Attribute("id") == "drawdown-chart");
        Assert.Equal("Drawdown (money)", (string)chart.Attribute("aria-label")!);
        Assert.Contains("-80", chart.Descendants(ReportXml.Svg + "text").Select(t => t.Value)); // ticks of 20 down to -80 enclose -70
        Assert.Contains(page.Descendants(ReportXml.Xhtml + "td"), td => td.Value == "— (70)");
    }

    [Fact]
    public void Write_TradeRowsBeyondTheLimit_AreLeftOutWithANote()
    {
        using var dir = new TempDirectory("report-html");
        ReportFixture.WriteLong(dir.Path, days: 2);
        BacktestReport.Write(dir.Path, ReportOptions.Default with { MaxTradeRows = 5 });
        var page = ReportXml.Load(dir.Combine("report.html"));

        var trades = page.Descendants(ReportXml.Xhtml + "table").Single(t => (string?)t.Attribute("class") == "trades");
        Assert.Equal(6, trades.Elements(ReportXml.Xhtml + "tr").Count());
        Assert.Contains(page.Descendants(ReportXml.Xhtml + "p"), p => p.Value == "The first 5 of 26 rows; trades.csv holds them all.");
    }

    private static double X(int index, int count) => Math.Round(88 + ((double)index / (count - 1) * (944 - 88)), 1);

    private static List<(double X, double Y)> Points(XElement chart)
    {
        var d = (string)chart.Descendants(ReportXml.Svg + "path").Single(p => (string?)p.Attribute("class") == "series").Attribute("d")!;
        return d.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
