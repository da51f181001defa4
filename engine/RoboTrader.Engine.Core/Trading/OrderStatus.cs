namespace RoboTrader.Engine.Core.Trading;

/// <summary>Order life cycle.</summary>
public enum OrderStatus : byte
{
    /// <summary>Created, not yet acknowledged by the venue.</summary>
    New = 0,

    /// <summary>Working at the venue.</summary>
    Accepted = 1,

    /// <summary>Filled in full.</summary>
    Filled = 2,

    /// <summary>Cancelled (by the engine, e.g. at the end of a backtest).</summary>
    Cancelled = 3,

    /// <summary>Rejected by risk or the venue.</summary>
    Rejected = 4,
}
