using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Core.Trading;

/// <summary>One point of the equity curve, in event time: written into the slot by execute, persisted to <c>equity.csv</c>.</summary>
public struct EquitySample
{
    /// <summary>Sample time (ns since the Unix epoch, UTC): an interval boundary, or the last event's time for the final sample.</summary>
    public long TimeNanos;

    /// <summary>Cash + every position at its mark.</summary>
    public Money Equity;

    /// <summary>Cash.</summary>
    public Money Cash;

    /// <summary>Σ |position × mark|.</summary>
    public Money GrossExposure;

    /// <summary>Σ position × mark.</summary>
    public Money NetExposure;

    /// <summary>Realized PnL so far (before fees).</summary>
    public Money RealizedPnl;

    /// <summary>Unrealized PnL at the marks.</summary>
    public Money UnrealizedPnl;

    /// <summary>Fees so far.</summary>
    public Money Fees;
}
