namespace RoboTrader.Cli.Progress;

/// <summary>How a long run shows its progress (<c>--progress</c>).</summary>
public enum ProgressMode : byte
{
    /// <summary>A bar on an interactive terminal, plain lines when the output is redirected, nothing when the command writes elsewhere (embedded, tests).</summary>
    Auto,

    /// <summary>A live progress bar (Spectre.Console).</summary>
    Bar,

    /// <summary>A plain line every interval: events, events/s, percent.</summary>
    Lines,

    /// <summary>Nothing.</summary>
    None,
}
