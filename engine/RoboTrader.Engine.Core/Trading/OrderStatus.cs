namespace RoboTrader.Engine.Core.Trading;

/// <summary>Order life cycle; the legal moves between these states are <see cref="OrderStateMachine"/>'s.</summary>
public enum OrderStatus : byte
{
    /// <summary>Created, not yet acknowledged by the venue.</summary>
    New = 0,

    /// <summary>Working at the venue, nothing filled yet.</summary>
    Accepted = 1,

    /// <summary>Filled in full (terminal).</summary>
    Filled = 2,

    /// <summary>Cancelled: on request, by its OCO sibling's fill, by a replacement, or at the end of a backtest (terminal).</summary>
    Cancelled = 3,

    /// <summary>Rejected by the venue, with a reason (terminal).</summary>
    Rejected = 4,

    /// <summary>Working with part of its quantity filled.</summary>
    PartiallyFilled = 5,

    /// <summary>Expired: a DAY order at its session's close, an IOC remainder, an unfillable FOK (terminal).</summary>
    Expired = 6,
}
