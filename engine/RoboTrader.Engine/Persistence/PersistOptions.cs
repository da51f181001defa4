namespace RoboTrader.Engine.Persistence;

/// <summary>Where persist writes.</summary>
/// <param name="OutputDirectory">Folder for <c>fills.csv</c> and <c>deadletters.jsonl</c> (created if absent).</param>
public sealed record PersistOptions(string OutputDirectory)
{
    /// <summary>Open the files without truncating them (a resume cuts them back to its checkpoint's lengths).</summary>
    public bool Resume { get; init; }
}
