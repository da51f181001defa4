using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// What one aligned checkpoint consists of: every stage store's checkpoint for the same ring sequence, where to resume
/// the journal, and how long each output file was. Replaced atomically, so a reader sees the previous manifest or the
/// new one, never a torn one.
/// </summary>
/// <param name="CheckpointId">Increasing id of the checkpoint (the barrier's id).</param>
/// <param name="Sequence">The ring sequence every store snapshot describes; replay starts at <c>Sequence + 1</c>.</param>
/// <param name="JournalAddress">Journal address of the first record after <paramref name="Sequence"/>.</param>
/// <param name="StoreTokens">Each stage's store checkpoint token, by stage name.</param>
/// <param name="StoreSettings">Each stage's store settings, by stage name (checked on recovery).</param>
/// <param name="OutputLengths">Length of each output file (ledger, recordings) at the checkpoint, by name; recovery
/// truncates outputs back to these lengths before replay.</param>
/// <remarks>Written by the pipeline supervisor once every stage has checkpointed; any thread, one writer at a time.</remarks>
public sealed record CheckpointManifest(
    long CheckpointId,
    long Sequence,
    long JournalAddress,
    IReadOnlyDictionary<string, Guid> StoreTokens,
    IReadOnlyDictionary<string, StateStoreSettings> StoreSettings,
    IReadOnlyDictionary<string, long> OutputLengths)
{
    /// <summary>The manifest's file name inside its folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The run's result-relevant options: a resume with other options is refused.</summary>
    public string Settings { get; init; } = "";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>
    /// Replaces the manifest in <paramref name="directory"/>: writes a temporary file, fsyncs it, renames it over
    /// <see cref="FileName"/> and fsyncs the folder. When this returns the manifest is durable.
    /// </summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.Write(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this, s_json));
    }

    /// <summary>
    /// Reads the manifest in <paramref name="directory"/>. A leftover temporary file (a write torn by a crash) is
    /// ignored.
    /// </summary>
    /// <returns>False when there is no manifest (no checkpoint was ever completed).</returns>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when it exists but is unreadable.</exception>
    public static bool TryRead(string directory, out CheckpointManifest manifest)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            manifest = null!;
            return false;
        }

        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllBytes(path), s_json)
                ?? throw new JsonException("null manifest");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"Checkpoint manifest '{path}' is unreadable: {e.Message}", e);
        }

        if (manifest.StoreTokens is null || manifest.StoreSettings is null || manifest.OutputLengths is null)
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"Checkpoint manifest '{path}' is missing a section.");
        return true;
    }

    /// <summary>
    /// Deletes every store checkpoint this manifest does not name. Call only after this manifest is durable.
    /// </summary>
    /// <param name="stores">The stage stores by stage name; stages absent from the manifest are left alone.</param>
    /// <remarks>On each store's thread (or before the stages start).</remarks>
    public void RemoveOlderCheckpoints(IReadOnlyDictionary<string, StateStore> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        foreach (var (stage, store) in stores)
        {
            if (StoreTokens.TryGetValue(stage, out var keep))
                store.RemoveCheckpointsExcept(keep);
        }
    }
}
