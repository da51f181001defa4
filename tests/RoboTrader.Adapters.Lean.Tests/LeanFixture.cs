using System.IO.Compression;
using System.Text;
using RoboTrader.TestSupport;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>Hand-made LEAN data folders for tests: writes a zip with one entry of exactly the given text.</summary>
public static class LeanFixture
{
    /// <summary>Creates an empty LEAN data root (with <c>equity/usa</c>) in <paramref name="temp"/>.</summary>
    public static string CreateRoot(TempDirectory temp)
    {
        var root = temp.Combine("lean");
        Directory.CreateDirectory(Path.Combine(root, "equity", "usa"));
        return root;
    }

    /// <summary>Writes the file of (resolution, ticker, date, kind) holding <paramref name="csv"/> byte for byte.</summary>
    public static string Write(string root, LeanResolution resolution, string ticker, DateOnly date, LeanDataKind kind, string csv)
    {
        var path = Path.Combine(root, LeanDataSource.RelativePath(resolution, ticker, date, kind));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var entry = zip.CreateEntry(LeanDataGenerator.EntryName(resolution, ticker, date, kind));
        using var stream = entry.Open();
        stream.Write(Encoding.ASCII.GetBytes(csv));
        return path;
    }

    /// <summary>Writes a tick trade file.</summary>
    public static string Trades(string root, string ticker, DateOnly date, string csv)
        => Write(root, LeanResolution.Tick, ticker, date, LeanDataKind.Trade, csv);

    /// <summary>Writes a tick quote file.</summary>
    public static string Quotes(string root, string ticker, DateOnly date, string csv)
        => Write(root, LeanResolution.Tick, ticker, date, LeanDataKind.Quote, csv);
}
