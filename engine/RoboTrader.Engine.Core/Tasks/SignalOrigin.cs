namespace RoboTrader.Engine.Core.Tasks;

/// <summary>The kind of service that produced a signal.</summary>
public enum SignalOrigin : byte
{
    /// <summary>Not stated, or not one of the known kinds.</summary>
    Unknown = 0,

    /// <summary>A research service.</summary>
    Research = 1,

    /// <summary>A news service.</summary>
    News = 2,

    /// <summary>An AI / model service.</summary>
    Ai = 3,
}
