using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// The settings a journal was created with, stored beside it as JSON: FASTER does not store them, and reading a log
/// with another page or segment size returns wrong data without an error.
/// </summary>
/// <param name="FormatVersion">Layout version of this file and of the journal folder.</param>
/// <param name="PageSizeBits">Log page size, 2^bits bytes.</param>
/// <param name="SegmentSizeBits">Segment file size, 2^bits bytes.</param>
/// <param name="PerEntryChecksum">Whether every record carries a checksum (always true for journals written here).</param>
internal sealed record JournalSettings(int FormatVersion, int PageSizeBits, int SegmentSizeBits, bool PerEntryChecksum)
{
    public const int CurrentFormatVersion = 1;
    public const string FileName = "journal.settings.json";

    public static JournalSettings From(InputJournalOptions options) =>
        new(CurrentFormatVersion, options.PageSizeBits, options.SegmentSizeBits, PerEntryChecksum: true);

    public void Write(string directory) =>
        AtomicFile.Write(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>Reads the file; throws <see cref="ErrorCode.PersistenceCorrupt"/> when present but unreadable.</summary>
    public static JournalSettings Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize<JournalSettings>(File.ReadAllBytes(path))
                ?? throw new JsonException("null settings");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"Journal settings file '{path}' is unreadable: {e.Message}", e);
        }
    }

    /// <summary>Throws <see cref="ErrorCode.PersistenceSettingsMismatch"/> naming the first setting that differs.</summary>
    public void CheckMatches(JournalSettings wanted, string directory)
    {
        Check(nameof(FormatVersion), FormatVersion, wanted.FormatVersion, directory);
        Check(nameof(PageSizeBits), PageSizeBits, wanted.PageSizeBits, directory);
        Check(nameof(SegmentSizeBits), SegmentSizeBits, wanted.SegmentSizeBits, directory);
        Check(nameof(PerEntryChecksum), PerEntryChecksum, wanted.PerEntryChecksum, directory);
    }

    private static void Check<T>(string name, T stored, T wanted, string directory)
        where T : IEquatable<T>
    {
        if (!stored.Equals(wanted))
        {
            throw new EngineException(
                ErrorCode.PersistenceSettingsMismatch,
                $"Journal in '{directory}' was written with {name} = {stored} but is being opened with {name} = {wanted}.");
        }
    }
}
