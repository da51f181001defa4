namespace RoboTrader.Adapters.Lean;

/// <summary>The LEAN data resolution a <see cref="LeanDataSource"/> reads (the folder under <c>equity/usa</c>).</summary>
public enum LeanResolution : byte
{
    /// <summary>Every trade and quote: <c>equity/usa/tick/&lt;sym&gt;/&lt;yyyymmdd&gt;_trade.zip</c> and <c>_quote.zip</c>.</summary>
    Tick = 1,

    /// <summary>One-minute trade and quote bars: <c>equity/usa/minute/&lt;sym&gt;/&lt;yyyymmdd&gt;_trade.zip</c> and <c>_quote.zip</c>.</summary>
    Minute = 2,
}
