namespace RoboTrader.TestSupport;

/// <summary>
/// Locates the project's <c>../shared</c> folder (beside the checkout in CI): the real LEAN data and the public
/// conformance samples. Tests never copy it; where it is absent they report themselves skipped.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The shared folder, or null when it is absent. <c>ROBOTRADER_SHARED</c> overrides the search.</summary>
    public static string? Root => s_root.Value;

    /// <summary>Why a test that needs the real LEAN data is skipped; null when the data is there.</summary>
    public static string? LeanDataSkip => LeanDataRoot is null ? "../shared/data/lean (real LEAN data) is not beside this checkout" : null;

    /// <summary>Why a test that needs the conformance samples is skipped; null when they are there.</summary>
    public static string? ConformanceSkip => ConformanceRoot is null ? "../shared/conformance (public conformance samples) is not beside this checkout" : null;

    /// <summary>Why a test that needs headless Chromium is skipped; null when it is installed.</summary>
    public static string? ChromiumSkip => File.Exists(HeadlessChromium.ExecutablePath) ? null : HeadlessChromium.ExecutablePath + " is not installed (.ci/run installs it: apt-get install chromium)";

    /// <summary>The LEAN data root (<c>shared/data/lean</c>), or null.</summary>
    public static string? LeanDataRoot => Root is { } r && Directory.Exists(Path.Combine(r, "data", "lean", "equity"))
        ? Path.Combine(r, "data", "lean")
        : null;

    /// <summary>The conformance folder, or null.</summary>
    public static string? ConformanceRoot => Root is { } r && Directory.Exists(Path.Combine(r, "conformance"))
        ? Path.Combine(r, "conformance")
        : null;

    /// <summary>The repository root (the folder holding RoboTrader.Engine.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("ROBOTRADER_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RoboTrader.Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RoboTrader.Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
