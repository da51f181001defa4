namespace RoboTrader.Engine.Persistence;

/// <summary>Where persist writes.</summary>
/// <param name="OutputDirectory">Folder for <c>fills.csv</c> and <c>deadletters.jsonl</c> (created if absent).</param>
public sealed record PersistOptions(string OutputDirectory)
{
    /// <summary>Open the files without truncating them (a resume cuts them back to its checkpoint's lengths).</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// When positive, a background thread fdatasyncs the output files this often (see
    /// <see cref="Durability.FileSyncer"/>), and a checkpoint's state waits for its recorded lengths off the stage's
    /// thread (<see cref="Checkpoints.IDeferredDurability"/>). Zero (the default): a checkpoint fsyncs the files on the
    /// stage's thread.
    /// </summary>
    public TimeSpan OutputSyncInterval { get; init; }

    /// <summary>The sync system calls of the background syncer (tests replace them); default the real ones.</summary>
    public Durability.IFileSync? FileSync { get; init; }
}
