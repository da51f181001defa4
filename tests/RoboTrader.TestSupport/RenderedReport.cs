namespace RoboTrader.TestSupport;

/// <summary>What headless Chromium rendered of a report page (see <see cref="HeadlessChromium.RenderReport"/>).</summary>
/// <param name="Title">document.title.</param>
/// <param name="Charts">Each <c>svg.chart</c>, in document order.</param>
/// <param name="Scripts">document.scripts.length (a report has none).</param>
/// <param name="Resources">Resources the page loaded (performance entries of type resource): a self-contained page loads none.</param>
/// <param name="Tables">Table elements on the page.</param>
public sealed record RenderedReport(string Title, IReadOnlyList<RenderedChart> Charts, int Scripts, int Resources, int Tables)
{
    /// <summary>The chart with <paramref name="id"/>.</summary>
    public RenderedChart Chart(string id) => Charts.Single(c => c.Id == id);

    /// <summary>
    /// Asserts what every report must render: no script and nothing loaded, the equity and drawdown charts laid out
    /// (nonzero boxes, tick labels), each series path with at least <paramref name="minPoints"/> points and painted
    /// (saturated pixels in its screenshot). A real-backtest test is then one line:
    /// <c>HeadlessChromium.RenderReport(Path.Combine(outDir, "report.html")).AssertChartsRendered();</c>
    /// </summary>
    public RenderedReport AssertChartsRendered(int minPoints = 2)
    {
        Assert.Equal(0, Scripts);
        Assert.Equal(0, Resources);
        Assert.Equal(["equity-chart", "drawdown-chart"], Charts.Select(c => c.Id));
        foreach (var chart in Charts)
        {
            Assert.True(chart.BoxWidth > 0 && chart.BoxHeight > 0, $"{chart.Id}: empty bounding box {chart.BoxWidth}×{chart.BoxHeight}");
            Assert.True(chart.PathPoints >= minPoints, $"{chart.Id}: {chart.PathPoints} points, fewer than {minPoints}");
            Assert.True(chart.Labels >= 3, $"{chart.Id}: {chart.Labels} tick labels");
            Assert.True(chart.ColoredPixels > 0, $"{chart.Id}: nothing painted in the series' colour ({chart.Pixels} pixels)");
        }

        return this;
    }
}
