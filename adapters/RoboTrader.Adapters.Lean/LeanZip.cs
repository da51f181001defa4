using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Adapters.Lean;

/// <summary>Opening LEAN zips, and turning what can go wrong with them into a clear <see cref="EngineException"/>.</summary>
internal static class LeanZip
{
    private const int FileBufferSize = 1 << 16;

    /// <summary>Opens <paramref name="path"/> for reading; a file that is not a readable zip throws <see cref="EngineException"/>.</summary>
    public static ZipArchive OpenArchive(string path) => OpenArchive(path, out _);

    /// <summary>Opens <paramref name="path"/> for reading and gives the underlying file (its position is how far the zip has been read).</summary>
    public static ZipArchive OpenArchive(string path, out FileStream fileStream)
    {
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
            fileStream = file;
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception ex) when (IsDataError(ex))
        {
            file?.Dispose();
            ThrowUnreadable(path, ex);
            fileStream = null!;
            return null;
        }
    }

    /// <summary>The CSV entry of a LEAN zip: the first entry named *.csv, else the first entry.</summary>
    public static ZipArchiveEntry FindCsvEntry(ZipArchive archive, string path)
    {
        ZipArchiveEntry? first = null;
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }

            first ??= entry;
        }

        return first ?? throw new EngineException(
            ErrorCode.MarketDataUnreadable,
            $"LEAN data file '{path}' is unreadable: the zip holds no entry");
    }

    /// <summary>True for the exceptions a damaged, truncated or unreadable file produces.</summary>
    public static bool IsDataError(Exception ex)
        => ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException;

    /// <summary>Throws the clear error for an unreadable data file.</summary>
    [DoesNotReturn]
    public static void ThrowUnreadable(string path, Exception inner)
        => throw new EngineException(
            ErrorCode.MarketDataUnreadable,
            $"LEAN data file '{path}' is unreadable (corrupt or truncated zip?): {inner.Message}",
            inner);
}
