namespace RoboTrader.Engine.Core.Trading;

/// <summary>What risk allows: entered automatically on a limit breach or by an operator command, left only by a command.</summary>
public enum TradingState : byte
{
    /// <summary>Orders allowed within the limits.</summary>
    Active = 0,

    /// <summary>Only orders that reduce exposure (and cancels).</summary>
    Reducing = 1,

    /// <summary>No new orders; cancels only.</summary>
    Halted = 2,
}
