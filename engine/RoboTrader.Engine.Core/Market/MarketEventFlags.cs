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
}
