using RoboTrader.Engine.Reporting.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Reporting.Tests.Html;

/// <summary>report.html opened in a real browser (headless Chromium): the charts are laid out and painted, nothing is loaded.</summary>
public sealed class ReportRenderingTests
{
    [ChromiumFact]
    public void RenderReport_LongRun_ChartsArePaintedAndNothingIsLoaded()
    {
        using var dir = new TempDirectory("report-render");
        ReportFixture.WriteLong(dir.Path, days: 5);
        BacktestReport.Write(dir.Path, ReportOptions.Default);

        var rendered = HeadlessChromium.RenderReport(dir.Combine("report.html")).AssertChartsRendered(minPoints: 5 * 390);

        Assert.Equal("Backtest report — sma-cross <fast> on BAC,IBM", rendered.Title);
        Assert.Equal(0, rendered.Scripts);
        Assert.Equal(0, rendered.Resources);
        Assert.True(rendered.Tables >= 5, $"{rendered.Tables} tables");
        Assert.Equal(["equity-chart", "drawdown-chart"], rendered.Charts.Select(c => c.Id));
        foreach (var chart in rendered.Charts)
        {
            Assert.True(chart.BoxWidth > 800 && chart.BoxHeight > 200, $"{chart.Id}: bbox {chart.BoxWidth}×{chart.BoxHeight}");
            Assert.Equal(5 * 390, chart.PathPoints);
            Assert.True(chart.PathLength > 800, $"{chart.Id}: path length {chart.PathLength}");
            Assert.True(chart.Labels >= 6, $"{chart.Id}: {chart.Labels} labels");
            Assert.True(chart.ColoredPixels > 1000, $"{chart.Id}: {chart.ColoredPixels} of {chart.Pixels} pixels painted in the series' colour");
        }
    }

    [ChromiumFact]
    public void RenderReport_OneSample_PaintsThePoint()
    {
        using var dir = new TempDirectory("report-render");
        ReportFixture.Write(dir.Path, [ReportFixture.EquityRow(ReportFixture.Day0, "100000")], []);
        BacktestReport.Write(dir.Path, ReportOptions.Default);

        var equity = HeadlessChromium.RenderReport(dir.Combine("report.html")).Chart("equity-chart");

        Assert.Equal(1, equity.PathPoints);
        Assert.True(equity.ColoredPixels > 10, $"{equity.ColoredPixels} pixels painted");
    }
}
