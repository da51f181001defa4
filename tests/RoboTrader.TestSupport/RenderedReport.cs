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
}
