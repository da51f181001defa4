namespace RoboTrader.Engine.Core.Market;

/// <summary>Flags of a market event.</summary>
[Flags]
public enum MarketEventFlags : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The data vendor marked the tick suspicious: counted, otherwise ignored by strategies and fills.</summary>
    Suspicious = 1,

    /// <summary>A quote has no bid side.</summary>
    NoBid = 2,

    /// <summary>A quote has no ask side.</summary>
    NoAsk = 4,

    /// <summary>
    /// Parsed at the basic level: only the critical fields (symbol and price, or symbol and sides) are meaningful;
    /// time and sizes may be zero. Strategies, risk reference prices and fills ignore partial events.
    /// </summary>
    Partial = 8,
}
