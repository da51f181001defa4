namespace RoboTrader.Engine.Core.Market;

/// <summary>What a parsed market event is.</summary>
public enum MarketEventKind : byte
{
    /// <summary>No market event (a command, a parse failure, an empty slot).</summary>
    None = 0,

    /// <summary>A trade print.</summary>
    Trade = 1,

    /// <summary>A top-of-book quote.</summary>
    Quote = 2,

    /// <summary>A trade bar (OHLCV).</summary>
    TradeBar = 3,

    /// <summary>A quote bar (bid and ask OHLC with last sizes).</summary>
    QuoteBar = 4,

    /// <summary>An order-book delta (e.g. Binance depthUpdate): the first changed level of each side.</summary>
    BookUpdate = 5,
}
