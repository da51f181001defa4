using System.CommandLine;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoboTrader.Cli.Config;

/// <summary>
/// A YAML config file for <c>backtest</c>, <c>replay</c> and <c>demo</c>: sections (see <see cref="ConfigSections"/>)
/// of <c>option: value</c>, each option the long name of one of the command's options. The file's options become
/// command-line tokens (so the command line's own parsers and checks apply), except those the command line gives
/// itself: the command line wins. Every error names the file, the line and <c>section.key</c>.
/// </summary>
internal sealed partial class ConfigFile
{
    private readonly List<ConfigEntry> _applied = [];

    private ConfigFile(string path, IReadOnlyList<ConfigEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The file as named on the command line.</summary>
    public string Path { get; }

    /// <summary>Every entry of the file, in file order.</summary>
    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <summary>
    /// When <paramref name="args"/> name a config file (<c>--config FILE</c> or <c>--config=FILE</c>) for a command that
    /// takes one, returns the arguments with the file's options appended (those not on the command line); otherwise
    /// <paramref name="args"/> unchanged.
    /// </summary>
    /// <exception cref="UsageException">The file is missing, malformed, or names an unknown section or option.</exception>
    public static string[] Expand(RootCommand root, string[] args, out ConfigFile? config)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        config = null;
        var at = Array.FindIndex(args, a => a == "--config" || a.StartsWith("--config=", StringComparison.Ordinal));
        var command = args.Length == 0 ? null : root.Subcommands.FirstOrDefault(c => c.Name == args[0]);
        if (at < 0 || command is null || !command.Options.Any(o => o.Name == "--config"))
        {
            return args; // the parser reports what is wrong, if anything
        }

        var path = args[at] == "--config" ? (at + 1 < args.Length ? args[at + 1] : null) : args[at]["--config=".Length..];
        if (string.IsNullOrEmpty(path) || path.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("--config needs a file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"--config '{path}' does not exist");
        }

        config = Load(path, File.ReadAllText(path));
        var options = command.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var expanded = new List<string>(args);
        foreach (var entry in config.Entries)
        {
            if (!ConfigSections.OfOption.TryGetValue(entry.Key, out var section))
            {
                throw new UsageException($"config {path} line {entry.Line}: {entry.Name} is not an option (see robotrader {command.Name} --help)");
            }

            if (section != entry.Section)
            {
                throw new UsageException($"config {path} line {entry.Line}: {entry.Name} belongs in section {section} ({section}.{entry.Key})");
            }

            var option = "--" + entry.Key;
            if (!options.TryGetValue(option, out var target))
            {
                throw new UsageException($"config {path} line {entry.Line}: {entry.Name} is not an option of {command.Name}");
            }

            // A switch takes true or false in the file (on the command line it is given or not).
            if (target.ValueType == typeof(bool) && entry.Value is not ("true" or "false"))
            {
                throw new UsageException($"config {path} line {entry.Line}: {entry.Name} '{entry.Value}' is not true or false");
            }

            if (args.Any(a => a == option || a.StartsWith(option + "=", StringComparison.Ordinal)))
            {
                continue; // the command line wins
            }

            expanded.Add(option);
            expanded.Add(entry.Value);
            config._applied.Add(entry);
        }

        return [.. expanded];
    }

    /// <summary>Parses the YAML text of <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">Malformed YAML, an unknown section, or a value that is not a scalar or a list of scalars.</exception>
    public static ConfigFile Load(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new UsageException($"config {path} line {ex.Start.Line}: malformed YAML: {Describe(ex)}");
        }

        var entries = new List<ConfigEntry>();
        if (stream.Documents.Count > 1)
        {
            throw new UsageException($"config {path} line {stream.Documents[1].RootNode.Start.Line}: only one YAML document is allowed");
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            return new ConfigFile(path, entries);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new UsageException($"config {path} line {stream.Documents[0].RootNode.Start.Line}: expected sections ({string.Join(", ", ConfigSections.Names)}), each a mapping of option: value");
        }

        foreach (var (sectionNode, body) in root.Children)
        {
            var section = (sectionNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!ConfigSections.Names.Contains(section))
            {
                throw new UsageException($"config {path} line {sectionNode.Start.Line}: unknown section '{section}' (sections: {string.Join(", ", ConfigSections.Names)})");
            }

            if (IsEmpty(body))
            {
                continue;
            }

            if (body is not YamlMappingNode options)
            {
                throw new UsageException($"config {path} line {body.Start.Line}: section {section} must be a mapping of option: value");
            }

            foreach (var (keyNode, valueNode) in options.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                var name = section + "." + key;
                var value = valueNode switch
                {
                    YamlScalarNode { Value: { Length: > 0 } scalar } when !IsNull(valueNode) => scalar,
                    YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) && list.Children.Count > 0
                        => string.Join(',', list.Children.Cast<YamlScalarNode>().Select(c => c.Value)),
                    _ => throw new UsageException($"config {path} line {keyNode.Start.Line}: {name} needs a value (a scalar, or a list of scalars)"),
                };
                entries.Add(new ConfigEntry(section, key, value, (int)keyNode.Start.Line));
            }
        }

        return new ConfigFile(path, entries);
    }

    /// <summary>
    /// Rewrites an error about an option that came from this file so that it names the file, the line and
    /// <c>section.key</c> instead of <c>--key</c>; other messages are returned unchanged.
    /// </summary>
    public string Explain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ConfigEntry? first = null;
        var firstAt = int.MaxValue;
        foreach (var entry in _applied)
        {
            // "--key" anywhere; the bare key (engine messages: "max-order-notional must be ...") only when it has a '-',
            // so that plain words such as "data" or "to" are never taken for options.
            var pattern = entry.Key.Contains('-', StringComparison.Ordinal)
                ? $@"(?<![\w.-])(--)?{Regex.Escape(entry.Key)}(?![\w-])"
                : $@"(?<![\w.-])--{Regex.Escape(entry.Key)}(?![\w-])";
            var match = Regex.Match(message, pattern, RegexOptions.CultureInvariant);
            if (!match.Success)
            {
                continue;
            }

            if (match.Index < firstAt)
            {
                firstAt = match.Index;
                first = entry;
            }

            message = Regex.Replace(message, pattern, entry.Name, RegexOptions.CultureInvariant);
        }

        return first is null ? message : $"config {Path} line {first.Line}: {message}";
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode scalar && (string.IsNullOrEmpty(scalar.Value) || IsNull(node));

    private static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" };

    /// <summary>The parser's message without its position prefix (the line is given separately).</summary>
    private static string Describe(YamlException ex)
    {
        var inner = ex.InnerException is YamlException nested ? nested.Message : ex.Message;
        return PositionPrefix().Replace(inner, string.Empty);
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
