namespace RoboTrader.Engine.Parsing;

/// <summary>The fields of one Binance payload as found by a single pass of the reader (spans into the frame).</summary>
internal ref struct BinanceFields
{
    public ReadOnlySpan<byte> EventType;
    public ReadOnlySpan<byte> Symbol;
    public ReadOnlySpan<byte> Price;
    public ReadOnlySpan<byte> Quantity;
    public ReadOnlySpan<byte> Bid;
    public ReadOnlySpan<byte> BidQuantity;
    public ReadOnlySpan<byte> Ask;
    public ReadOnlySpan<byte> AskQuantity;
    public ReadOnlySpan<byte> Stream;
    public long EventTime;
    public long TradeTime;
    public int DataStart;
    public int DataEnd;
    public bool HasEventType;
    public bool HasEventTime;
    public bool HasTradeTime;
    public bool HasUpdateId;
    public bool HasBid;
    public bool HasAsk;
    public bool BidIsLevels;
    public bool AskIsLevels;
    public bool HasData;
    public bool HasStream;

    /// <summary>False when a price or quantity was a JSON number (strict Binance sends strings).</summary>
    public bool AllDecimalsQuoted;

    /// <summary>True when a time was a JSON string (strict Binance sends integers).</summary>
    public bool TimeQuoted;
}
