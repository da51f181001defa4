namespace RoboTrader.Engine.Core.Trading;

/// <summary>Order type.</summary>
public enum OrderType : byte
{
    /// <summary>Market order: fills at the venue's next price.</summary>
    Market = 0,

    /// <summary>Limit order: never fills at a worse price than its limit.</summary>
    Limit = 1,

    /// <summary>Stop order: becomes a market order once the market trades through its stop price.</summary>
    Stop = 2,

    /// <summary>Stop-limit order: becomes a limit order once the market trades through its stop price.</summary>
    StopLimit = 3,
}
