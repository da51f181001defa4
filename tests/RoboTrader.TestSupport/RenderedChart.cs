namespace RoboTrader.TestSupport;

/// <summary>What Chromium rendered of one <c>svg.chart</c> of a report.</summary>
/// <param name="Id">The svg element's id.</param>
/// <param name="BoxWidth">Width of the svg's getBBox() (user units): nonzero when its content was laid out.</param>
/// <param name="BoxHeight">Height of the svg's getBBox().</param>
/// <param name="Paths">Number of path elements in the svg.</param>
/// <param name="PathPoints">Points of its series path (pathSegList-free count: the path's M/L commands).</param>
/// <param name="PathLength">getTotalLength() of the series path.</param>
/// <param name="Labels">Text elements (tick labels) with a nonzero box.</param>
/// <param name="ColoredPixels">Pixels of the chart's screenshot that are saturated colour (the series; the axes and grid are grey).</param>
/// <param name="Pixels">All pixels of the chart's screenshot.</param>
public sealed record RenderedChart(
    string Id,
    double BoxWidth,
    double BoxHeight,
    int Paths,
    int PathPoints,
    double PathLength,
    int Labels,
    long ColoredPixels,
    long Pixels);
