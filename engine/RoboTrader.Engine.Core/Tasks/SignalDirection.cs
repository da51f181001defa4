namespace RoboTrader.Engine.Core.Tasks;

/// <summary>What a research, news or AI signal recommends.</summary>
public enum SignalDirection : byte
{
    /// <summary>No signal (the slot carries none).</summary>
    None = 0,

    /// <summary>Buy / bullish / long.</summary>
    Buy = 1,

    /// <summary>Sell / bearish / short.</summary>
    Sell = 2,

    /// <summary>Hold / neutral.</summary>
    Hold = 3,
}
