namespace RoboTrader.Cli.Config;

/// <summary>
/// The one place that says which config-file section holds each command-line option (by its long name). An option a
/// command gains works from the file once it has a line here; a command accepts from the file only the options it has.
/// </summary>
internal static class ConfigSections
{
    /// <summary>Option long name (without <c>--</c>) and its section, in documentation order.</summary>
    private static readonly (string Option, string Section)[] s_table =
    [
        // data: what to read
        ("data", "data"),
        ("symbols", "data"),
        ("from", "data"),
        ("to", "data"),
        ("resolution", "data"),
        ("recording", "data"),
        ("signals", "data"),
        ("input", "data"),
        ("format", "data"),
        ("symbol", "data"),
        ("date", "data"),
        ("lean-kind", "data"),
        ("ticks-per-day", "data"),

        // strategy
        ("strategy", "strategy"),
        ("fast", "strategy"),
        ("slow", "strategy"),
        ("qty", "strategy"),
        ("signal-gate", "strategy"),
        ("signal-window", "strategy"),
        ("mr-window", "strategy"),
        ("mr-entry-z", "strategy"),
        ("mr-exit-z", "strategy"),
        ("breakout-lookback", "strategy"),
        ("breakout-take-profit", "strategy"),
        ("breakout-stop-loss", "strategy"),

        // execution: the simulated exchange
        ("fee-bps", "execution"),
        ("fee-per-share", "execution"),
        ("fee-min", "execution"),
        ("fill-model", "execution"),
        ("latency-ms", "execution"),
        ("slippage-bps", "execution"),
        ("slippage-ticks", "execution"),
        ("tick-size", "execution"),
        ("initial-cash", "execution"),
        ("equity-interval", "execution"),
        ("market-close", "execution"),

        // risk
        ("max-position", "risk"),
        ("price-band-pct", "risk"),
        ("kill-switch", "risk"),
        ("max-position-notional", "risk"),
        ("max-order-notional", "risk"),
        ("max-gross-exposure", "risk"),
        ("max-net-exposure", "risk"),
        ("max-portfolio-risk-pct", "risk"),
        ("max-position-risk-pct", "risk"),
        ("daily-loss-limit", "risk"),
        ("max-drawdown-pct", "risk"),
        ("order-rate", "risk"),
        ("order-burst", "risk"),
        ("symbol-order-rate", "risk"),
        ("symbol-order-burst", "risk"),
        ("mid-band-pct", "risk"),
        ("stale-after", "risk"),
        ("crossed-quote-guard", "risk"),
        ("daily-loss-action", "risk"),
        ("drawdown-action", "risk"),
        ("gross-exposure-action", "risk"),
        ("net-exposure-action", "risk"),
        ("portfolio-risk-action", "risk"),

        // pipeline: threads and the ring
        ("ring-size", "pipeline"),
        ("wait", "pipeline"),
        ("placement", "pipeline"),
        ("publish-batch", "pipeline"),
        ("pin-threads", "pipeline"),

        // output: where results and state go
        ("out", "output"),
        ("state", "output"),
        ("checkpoint-every", "output"),
        ("checkpoint-interval", "output"),
        ("journal-retention", "output"),
        ("journal-thread", "output"),
        ("journal-compression", "output"),
        ("durability", "output"),
        ("report", "output"),
        ("progress", "output"),
        ("risk-free-rate", "output"),
    ];

    /// <summary>Option long name (without <c>--</c>) → section.</summary>
    public static readonly IReadOnlyDictionary<string, string> OfOption = s_table.ToDictionary(e => e.Option, e => e.Section, StringComparer.Ordinal);

    /// <summary>The sections, in table order.</summary>
    public static readonly IReadOnlyList<string> Names = s_table.Select(e => e.Section).Distinct(StringComparer.Ordinal).ToArray();
}
