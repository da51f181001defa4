namespace RoboTrader.Engine.Parsing;

/// <summary>The Binance spot stream payloads the engine maps to market events.</summary>
public enum BinanceKind : byte
{
    /// <summary>Not one of the supported payloads.</summary>
    Unknown = 0,

    /// <summary><c>&lt;symbol&gt;@trade</c>: a trade.</summary>
    Trade = 1,

    /// <summary><c>&lt;symbol&gt;@aggTrade</c>: an aggregated trade.</summary>
    AggTrade = 2,

    /// <summary><c>&lt;symbol&gt;@bookTicker</c>: best bid and ask (no event type or time in the payload).</summary>
    BookTicker = 3,

    /// <summary><c>&lt;symbol&gt;@depth[@100ms]</c>: an order-book delta (<c>depthUpdate</c>).</summary>
    DepthUpdate = 4,
}
