namespace RoboTrader.Engine.Pipeline;

/// <summary>What the supervisor does when a stage throws on an event.</summary>
public enum FaultPolicy : byte
{
    /// <summary>Record the fault on the event (it is dead-lettered by persist), skip it in later stages, go on.</summary>
    SkipAndRecord = 0,

    /// <summary>As <see cref="SkipAndRecord"/>, and engage the kill switch: no further orders until an operator resumes.</summary>
    HaltTrading = 1,
}
