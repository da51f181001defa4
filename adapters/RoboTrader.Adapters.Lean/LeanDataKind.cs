namespace RoboTrader.Adapters.Lean;

/// <summary>Trades or quotes. The numeric order is the merge order at equal times: trade before quote.</summary>
public enum LeanDataKind : byte
{
    /// <summary>Trade ticks or trade bars (<c>_trade.zip</c>).</summary>
    Trade = 0,

    /// <summary>Quote ticks or quote bars (<c>_quote.zip</c>).</summary>
    Quote = 1,
}
