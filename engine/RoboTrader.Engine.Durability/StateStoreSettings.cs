using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// The settings a <see cref="StateStore"/> was created with, stored beside it and in the checkpoint manifest: FASTER
/// does not store them, and recovering with another page or segment size returns stale values without an error.
/// </summary>
/// <param name="FormatVersion">Layout version of the store folder.</param>
/// <param name="IndexSizeBits">Hash index size, 2^bits bytes.</param>
/// <param name="PageSizeBits">Log page size, 2^bits bytes.</param>
/// <param name="SegmentSizeBits">Log segment size, 2^bits bytes.</param>
public sealed record StateStoreSettings(int FormatVersion, int IndexSizeBits, int PageSizeBits, int SegmentSizeBits)
{
    /// <summary>The layout version written by this code.</summary>
    public const int CurrentFormatVersion = 1;

    internal const string FileName = "store.settings.json";

    /// <summary>The settings that <paramref name="options"/> give.</summary>
    public static StateStoreSettings From(StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(CurrentFormatVersion, options.IndexSizeBits, options.PageSizeBits, options.SegmentSizeBits);
    }

    /// <summary>Throws <see cref="ErrorCode.PersistenceSettingsMismatch"/> naming the first setting that differs.</summary>
    public void CheckMatches(StateStoreSettings wanted, string where)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        Check(nameof(FormatVersion), FormatVersion, wanted.FormatVersion, where);
        Check(nameof(IndexSizeBits), IndexSizeBits, wanted.IndexSizeBits, where);
        Check(nameof(PageSizeBits), PageSizeBits, wanted.PageSizeBits, where);
        Check(nameof(SegmentSizeBits), SegmentSizeBits, wanted.SegmentSizeBits, where);
    }

    internal void Write(string directory) =>
        AtomicFile.Write(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this));

    internal static StateStoreSettings Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize<StateStoreSettings>(File.ReadAllBytes(path))
                ?? throw new JsonException("null settings");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"State store settings file '{path}' is unreadable: {e.Message}", e);
        }
    }

    private static void Check(string name, int stored, int wanted, string where)
    {
        if (stored != wanted)
        {
            throw new EngineException(
                ErrorCode.PersistenceSettingsMismatch,
                $"State store in '{where}' was written with {name} = {stored} but is being opened with {name} = {wanted}.");
        }
    }
}
