using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Market;

/// <summary>
/// A parsed market event, written in place into a ring slot by the parse stage. One layout serves trades, quotes
/// and bars; which fields are meaningful depends on <see cref="Kind"/>.
/// </summary>
/// <remarks>
/// Trade: <see cref="Price"/>, <see cref="Size"/>. Quote: <see cref="Bid"/>, <see cref="BidSize"/>,
/// <see cref="Ask"/>, <see cref="AskSize"/>. Trade bar: <see cref="Open"/>, <see cref="High"/>, <see cref="Low"/>,
/// <see cref="Price"/> (the close) and <see cref="Size"/> (the volume). Quote bar: bid and ask closes and last sizes
/// in the quote fields. Book update (an order-book delta): the first changed level of each side in the quote fields
/// (<see cref="MarketEventFlags.NoBid"/>/<see cref="MarketEventFlags.NoAsk"/> when a side has none).
/// </remarks>
public struct MarketEvent
{
    /// <summary>What this event is.</summary>
    public MarketEventKind Kind;

    /// <summary>Flags (suspicious, missing sides).</summary>
    public MarketEventFlags Flags;

    /// <summary>Exchange code as one ASCII character (0 when absent).</summary>
    public byte Exchange;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Event time: nanoseconds since the Unix epoch, UTC.</summary>
    public long TimeNanos;

    /// <summary>Trade price, or bar close.</summary>
    public Price Price;

    /// <summary>Trade size, or bar volume.</summary>
    public Quantity Size;

    /// <summary>Bar open.</summary>
    public Price Open;

    /// <summary>Bar high.</summary>
    public Price High;

    /// <summary>Bar low.</summary>
    public Price Low;

    /// <summary>Best bid (quote) or bid close (quote bar).</summary>
    public Price Bid;

    /// <summary>Bid size.</summary>
    public Quantity BidSize;

    /// <summary>Best ask (quote) or ask close (quote bar).</summary>
    public Price Ask;

    /// <summary>Ask size.</summary>
    public Quantity AskSize;

    /// <summary>Vendor sale condition bits (LEAN's condition column, written in hexadecimal), 0 when absent.</summary>
    public long Condition;

    /// <summary>True when the vendor flagged the event suspicious.</summary>
    public readonly bool IsSuspicious => (Flags & MarketEventFlags.Suspicious) != 0;

    /// <summary>True when the event was parsed at the basic level and carries only its critical fields.</summary>
    public readonly bool IsPartial => (Flags & MarketEventFlags.Partial) != 0;

    /// <summary>True for a trade tick or a trade bar: an event that carries a traded price.</summary>
    public readonly bool IsTradePrint => Kind is MarketEventKind.Trade or MarketEventKind.TradeBar;
}
