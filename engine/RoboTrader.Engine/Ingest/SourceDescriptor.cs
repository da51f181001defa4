using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Ingest;

/// <summary>
/// What the parse stage needs to know about a source's frames that the frames do not say themselves: the symbol,
/// the format, the trading date and its time zone, and the price scale.
/// </summary>
/// <param name="Symbol">The symbol every frame of the source is about.</param>
/// <param name="Format">The frame format.</param>
/// <param name="Date">The local trading date (frame times are offsets from its midnight).</param>
/// <param name="TimeZoneId">IANA id of the zone of <paramref name="Date"/>'s midnight (LEAN US equities: America/New_York).</param>
/// <param name="PriceDecimals">Decimals of the integer prices in the frames (LEAN equities: 4, i.e. 1/10000 dollars).</param>
/// <param name="Name">A human-readable name (the file and entry), for errors and dead letters.</param>
/// <param name="Symbols">
/// The symbols a multi-symbol source may name in its frames (JSON lines, Binance, task inputs); a frame naming any
/// other symbol fails with <see cref="Core.Errors.ErrorCode.ParseUnknownSymbol"/>. Null for single-symbol sources.
/// </param>
public sealed record SourceDescriptor(
    SymbolId Symbol,
    FrameFormat Format,
    DateOnly Date,
    string TimeZoneId,
    int PriceDecimals,
    string Name,
    SymbolTable? Symbols = null);
