namespace RoboTrader.Cli.Config;

/// <summary>One <c>key: value</c> of a config file.</summary>
/// <param name="Section">The section it is in.</param>
/// <param name="Key">The option's long name without <c>--</c>.</param>
/// <param name="Value">The value as the command line would carry it (a YAML list joined with commas).</param>
/// <param name="Line">Its line in the file (1-based).</param>
internal sealed record ConfigEntry(string Section, string Key, string Value, int Line)
{
    /// <summary><c>section.key</c>, as messages name it.</summary>
    public string Name => Section + "." + Key;
}
