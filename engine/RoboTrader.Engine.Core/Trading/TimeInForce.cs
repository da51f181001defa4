namespace RoboTrader.Engine.Core.Trading;

/// <summary>How long an order stays working.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till cancelled (the default).</summary>
    Gtc = 0,

    /// <summary>Expires at the end of the trading day of its submission.</summary>
    Day = 1,

    /// <summary>Immediate or cancel: whatever cannot fill on arrival is cancelled.</summary>
    Ioc = 2,

    /// <summary>Fill or kill: fills in full on arrival or not at all.</summary>
    Fok = 3,
}
