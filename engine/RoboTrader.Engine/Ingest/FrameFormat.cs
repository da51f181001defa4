namespace RoboTrader.Engine.Ingest;

/// <summary>The wire format of a source's frames: selects the parser.</summary>
public enum FrameFormat : byte
{
    /// <summary>LEAN tick trade row: <c>time,price,size,exchange,condition,suspicious</c>.</summary>
    LeanTradeTick = 1,

    /// <summary>LEAN tick quote row: <c>time,bid,bidsize,ask,asksize,exchange,condition,suspicious</c>.</summary>
    LeanQuoteTick = 2,

    /// <summary>LEAN minute/second trade bar: <c>time,open,high,low,close,volume</c>.</summary>
    LeanTradeBar = 3,

    /// <summary>LEAN minute/second quote bar: <c>time,bidopen,bidhigh,bidlow,bidclose,lastbidsize,askopen,askhigh,asklow,askclose,lastasksize</c>.</summary>
    LeanQuoteBar = 4,

    /// <summary>
    /// JSON lines of trades and quotes in the engine's generic schema (see <see cref="Parsing.JsonLinesParser"/>); the
    /// symbol is in the frame and must be in the source's symbol table.
    /// </summary>
    JsonLines = 10,

    /// <summary>
    /// Binance spot market-stream payloads (trade, aggTrade, bookTicker, depthUpdate), raw or wrapped in a
    /// combined-stream <c>{"stream":...,"data":...}</c> object (see <see cref="Parsing.BinanceParser"/>).
    /// </summary>
    BinanceSpot = 11,

    /// <summary>
    /// Task inputs: signals from research, news and AI services, and operator commands (see
    /// <see cref="Parsing.TaskInputParser"/>).
    /// </summary>
    TaskInputs = 12,
}
