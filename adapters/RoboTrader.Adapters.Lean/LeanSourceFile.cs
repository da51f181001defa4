using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Adapters.Lean;

/// <summary>One registered LEAN data file (a zip holding one CSV entry) and the source it publishes as.</summary>
/// <param name="Source">The source id the registry assigned.</param>
/// <param name="Symbol">The symbol of every row.</param>
/// <param name="Kind">Trades or quotes.</param>
/// <param name="Date">The trading date (row times are milliseconds after its New York midnight).</param>
/// <param name="ZipPath">Full path of the zip file.</param>
/// <param name="EntryName">Name of the CSV entry inside the zip.</param>
/// <param name="Name">The source's name: the zip's path relative to the data root, '#', the entry name.</param>
public sealed record LeanSourceFile(
    SourceId Source,
    SymbolId Symbol,
    LeanDataKind Kind,
    DateOnly Date,
    string ZipPath,
    string EntryName,
    string Name);
