using System.Runtime;
using System.Text;

namespace RoboTrader.Cli;

/// <summary>
/// Multi-core JIT (<see cref="ProfileOptimization"/>): each command records which methods it compiled into a small
/// profile, and the next run of the same command compiles them on a background thread ahead of their first call, on the
/// core that is idle while the main thread starts up (opening the data, the state folder and FASTER's stores). Tiered
/// compilation is off (every method is compiled once, fully optimized), so a <c>--state</c> backtest otherwise compiled
/// the journal's, FASTER's and the checkpoints' code on its stage threads while the ring filled behind them.
/// </summary>
/// <remarks>
/// Profiles live in <c>$ROBOTRADER_JIT_PROFILE</c> when set (a folder; <c>off</c> turns this off), else in
/// <c>$XDG_CACHE_HOME/robotrader/jit</c> or <c>~/.cache/robotrader/jit</c>. The runtime reads a profile only if it
/// is one it wrote, and compiling ahead changes only when code is compiled, never what it computes: outputs stay
/// byte-identical. Each run of a command rewrites its profile with what that run compiled (the first run, or one after
/// a different kind of run of the same command, compiles as without a profile). A folder that cannot be created turns
/// it off for the run (with one line on standard error when the folder was asked for).
/// </remarks>
public static class JitProfile
{
    /// <summary>The environment variable that names the profile folder, or <c>off</c>.</summary>
    public const string Variable = "ROBOTRADER_JIT_PROFILE";

    /// <summary>Starts recording (and, when a profile from an earlier run exists, playing) the command's profile.</summary>
    /// <returns>The profile's path, or null when off.</returns>
    public static string? Start(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var asked = Environment.GetEnvironmentVariable(Variable);
        var folder = Folder(asked, Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        if (folder is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (!string.IsNullOrEmpty(asked))
            {
                error.WriteLine($"warning: {Variable}: cannot use '{folder}' for JIT profiles ({e.Message}); compiling without one");
            }

            return null;
        }

        var name = Name(args);
        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(name);
        return Path.Combine(folder, name);
    }

    /// <summary>The profile folder: <paramref name="asked"/> unless empty (<c>off</c>: none), else the user's cache folder.</summary>
    public static string? Folder(string? asked, string? xdgCacheHome, string? home)
    {
        if (!string.IsNullOrEmpty(asked))
        {
            return asked.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : asked;
        }

        if (!string.IsNullOrEmpty(xdgCacheHome))
        {
            return Path.Combine(xdgCacheHome, "robotrader", "jit");
        }

        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "robotrader", "jit");
    }

    /// <summary>
    /// The command's profile file name: its words (up to two, e.g. <c>bench-durability</c>), then <c>-state</c> when it
    /// keeps a state folder (a different set of methods), lower-case letters, digits and '-' only.
    /// </summary>
    public static string Name(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var name = new StringBuilder();
        foreach (var word in args.TakeWhile(a => !a.StartsWith('-')).Take(2))
        {
            name.Append(name.Length == 0 ? string.Empty : "-").Append(word);
        }

        if (args.Any(a => a == "--state" || a.StartsWith("--state=", StringComparison.Ordinal)))
        {
            name.Append("-state");
        }

        var clean = new string(name.ToString().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());
        return (clean.Length == 0 ? "robotrader" : clean) + ".jitprofile";
    }
}
