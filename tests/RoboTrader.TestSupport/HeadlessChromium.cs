using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace RoboTrader.TestSupport;

/// <summary>
/// Opens a page in headless Chromium (a fresh profile, no network services) and reports what rendered, through the
/// DevTools protocol: the layout boxes of each <c>svg.chart</c> and its paths (Runtime.evaluate), and a screenshot of
/// each chart (Page.captureScreenshot) whose coloured pixels show that the series was painted.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    // The page's own view of what it drew; one JSON string back.
    private const string Probe = """
        JSON.stringify({
          title: document.title,
          scripts: document.scripts.length,
          resources: performance.getEntriesByType('resource').length,
          tables: document.querySelectorAll('table').length,
          charts: Array.from(document.querySelectorAll('svg.chart')).map(svg => {
            const box = svg.getBBox();
            const rect = svg.getBoundingClientRect();
            const series = svg.querySelector('path.series');
            const d = series ? series.getAttribute('d') : '';
            return {
              id: svg.id, w: box.width, h: box.height,
              paths: svg.querySelectorAll('path').length,
              points: (d.match(/[ML]/g) || []).length,
              length: series ? series.getTotalLength() : 0,
              labels: Array.from(svg.querySelectorAll('text')).filter(t => t.getBBox().width > 0).length,
              x: rect.left + window.scrollX, y: rect.top + window.scrollY, cw: rect.width, ch: rect.height
            };
          })
        })
        """;

    /// <summary>Opens <paramref name="htmlPath"/> and returns what rendered.</summary>
    /// <exception cref="InvalidOperationException">Chromium did not start, or the page did not load within <paramref name="patience"/> (default 2 minutes; a hang, not a measurement).</exception>
    public static RenderedReport RenderReport(string htmlPath, TimeSpan? patience = null)
    {
        var url = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri;
        using var profile = new TempDirectory("chromium-profile");
        using var cancel = new CancellationTokenSource(patience ?? TimeSpan.FromMinutes(2));
        var info = new ProcessStartInfo(ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1280,1024", $"--user-data-dir={profile.Path}", "--remote-debugging-port=0", "about:blank"])
        {
            info.ArgumentList.Add(arg);
        }

        using var browser = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start");
        browser.ErrorDataReceived += (_, _) => { };
        browser.OutputDataReceived += (_, _) => { };
        browser.BeginErrorReadLine();
        browser.BeginOutputReadLine();
        try
        {
            using var devtools = DevToolsSession.Connect(WaitForEndpoint(profile.Path, browser, cancel.Token), cancel.Token);
            var target = devtools.Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" })["targetId"]!.GetValue<string>();
            var session = devtools.Send("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true })["sessionId"]!.GetValue<string>();
            devtools.Send("Page.enable", sessionId: session);
            devtools.Send("Page.navigate", new JsonObject { ["url"] = url }, session);
            while (Evaluate(devtools, session, "document.readyState + ' ' + location.href") != "complete " + url)
            {
                cancel.Token.ThrowIfCancellationRequested();
                Thread.Sleep(50);
            }

            var probe = JsonNode.Parse(Evaluate(devtools, session, Probe))!;
            var charts = new List<RenderedChart>();
            foreach (var chart in probe["charts"]!.AsArray())
            {
                var (colored, pixels) = CountColoredPixels(devtools, session, chart!);
                charts.Add(new RenderedChart(
                    chart!["id"]!.GetValue<string>(),
                    chart["w"]!.GetValue<double>(),
                    chart["h"]!.GetValue<double>(),
                    chart["paths"]!.GetValue<int>(),
                    chart["points"]!.GetValue<int>(),
                    chart["length"]!.GetValue<double>(),
                    chart["labels"]!.GetValue<int>(),
                    colored,
                    pixels));
            }

            try
            {
                devtools.Send("Browser.close");
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Net.WebSockets.WebSocketException)
            {
                // Closing drops the connection, sometimes before the answer.
            }

            return new RenderedReport(
                probe["title"]!.GetValue<string>(),
                charts,
                probe["scripts"]!.GetValue<int>(),
                probe["resources"]!.GetValue<int>(),
                probe["tables"]!.GetValue<int>());
        }
        finally
        {
            if (!browser.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                browser.Kill(entireProcessTree: true);
                browser.WaitForExit();
            }
        }
    }

    private static Uri WaitForEndpoint(string profile, Process browser, CancellationToken cancel)
    {
        // Chromium writes the port it bound (and the browser target's path) to DevToolsActivePort in the profile.
        var file = Path.Combine(profile, "DevToolsActivePort");
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (browser.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with code {browser.ExitCode} before DevTools was listening");
            }

            if (File.Exists(file))
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    return new Uri($"ws://127.0.0.1:{port}{lines[1]}");
                }
            }

            Thread.Sleep(50);
        }
    }

    private static string Evaluate(DevToolsSession devtools, string session, string expression)
    {
        var result = devtools.Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, session);
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException("the page's script failed: " + exception.ToJsonString());
        }

        return result["result"]!["value"]!.GetValue<string>();
    }

    private static (long Colored, long Pixels) CountColoredPixels(DevToolsSession devtools, string session, JsonNode chart)
    {
        var width = chart["cw"]!.GetValue<double>();
        var height = chart["ch"]!.GetValue<double>();
        if (width < 1 || height < 1)
        {
            return (0, 0);
        }

        var clip = new JsonObject { ["x"] = chart["x"]!.GetValue<double>(), ["y"] = chart["y"]!.GetValue<double>(), ["width"] = width, ["height"] = height, ["scale"] = 1 };
        var shot = devtools.Send("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["clip"] = clip, ["captureBeyondViewport"] = true }, session);
        var image = PngImage.Decode(Convert.FromBase64String(shot["data"]!.GetValue<string>()));
        long colored = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 60)
                {
                    colored++; // saturated: a series stroke (the background, grid, axes and labels are grey)
                }
            }
        }

        return (colored, (long)image.Width * image.Height);
    }
}
