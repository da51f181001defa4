using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using RoboTrader.Engine.Ingest;
using RoboTrader.TestSupport;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>
/// The real LEAN sample data (../shared/data/lean): independent line counts per file (a StreamReader over the entry,
/// counting non-empty lines), and one merged run of the full tick set, shared by the tests of a class so the
/// ~12 million lines are read as few times as possible.
/// </summary>
public sealed class RealLeanDataFixture
{
    public static readonly string[] TickSymbols = ["AIG", "BAC", "IBM", "SPY"];
    public static readonly DateOnly From = new(2013, 10, 7);
    public static readonly DateOnly To = new(2013, 10, 11);

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Lazy<TickRun> _tickRun;

    public RealLeanDataFixture() => _tickRun = new(RunTicks);

    public static string Root => SharedData.LeanDataRoot ?? throw new InvalidOperationException("../shared is absent");

    /// <summary>The merged run of all tick files of <see cref="TickSymbols"/>, <see cref="From"/>..<see cref="To"/>.</summary>
    public TickRun Ticks => _tickRun.Value;

    /// <summary>Non-empty lines of the zip's single entry, counted without the adapter's code.</summary>
    public long IndependentCount(string zipPath) => _counts.GetOrAdd(zipPath, static path =>
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.Entries.Single().Open(), Encoding.ASCII, false, 1 << 16);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            count += line.Length > 0 ? 1 : 0;
        }

        return count;
    });

    public static LeanDataSource TickSource() => new(Root, TickSymbols, From, To, LeanResolution.Tick);

    private static TickRun RunTicks()
    {
        var source = TickSource();
        var registry = new SourceRegistry();
        source.RegisterSources(registry);
        var stopwatch = Stopwatch.StartNew();
        var handler = FrameCapture.Run(source, registry, new MergeOrderCheckingHandler(registry), 1 << 14);
        return new TickRun(source, registry, handler, stopwatch.Elapsed);
    }

    public sealed record TickRun(LeanDataSource Source, SourceRegistry Registry, MergeOrderCheckingHandler Handler, TimeSpan Elapsed);
}
