using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Core.Tasks;

/// <summary>
/// A trading signal from a research, news or AI service, written in place into a ring slot by the parse stage.
/// No floating point: confidence is in basis points of certainty (0 to 10 000).
/// </summary>
public struct Signal
{
    /// <summary>What the signal recommends (<see cref="SignalDirection.None"/> when the slot carries no signal).</summary>
    public SignalDirection Direction;

    /// <summary>Who produced it.</summary>
    public SignalOrigin Origin;

    /// <summary>True when parsed at the basic level: only symbol and direction (and a confidence if one was found) are meaningful.</summary>
    public bool IsPartial;

    /// <summary>The symbol.</summary>
    public SymbolId Symbol;

    /// <summary>Confidence from 0 to 10 000 (0.72 is 7200); 0 when not stated.</summary>
    public int ConfidenceBps;

    /// <summary>Horizon in seconds (1d is 86 400); 0 when not stated.</summary>
    public long HorizonSeconds;

    /// <summary>
    /// The signal's own event time, UTC nanoseconds since the Unix epoch, when the frame states one (the <c>time</c>
    /// field); 0 when it does not (decide then stamps it with the time of the last market event it saw).
    /// </summary>
    public long TimeNanos;

    /// <summary>True when the slot carries a signal.</summary>
    public readonly bool IsPresent => Direction != SignalDirection.None;
}
