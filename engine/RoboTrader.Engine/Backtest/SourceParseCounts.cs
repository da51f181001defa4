using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Backtest;

/// <summary>How one source's frames were parsed (an entry of summary.json's <c>sources</c>).</summary>
/// <param name="Name">The source's name.</param>
/// <param name="Format">Its frame format.</param>
/// <param name="ParsedStrict">Frames parsed at the strict level.</param>
/// <param name="ParsedLenient">Frames parsed at the lenient level.</param>
/// <param name="ParsedBasic">Frames parsed at the basic level.</param>
/// <param name="DeadLettered">Frames no level parsed.</param>
public sealed record SourceParseCounts(string Name, FrameFormat Format, long ParsedStrict, long ParsedLenient, long ParsedBasic, long DeadLettered);
