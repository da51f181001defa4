namespace RoboTrader.Engine.Core.Errors;

/// <summary>Where an error belongs.</summary>
public enum ErrorCategory : byte
{
    /// <summary>Market data (stale, crossed, out of band).</summary>
    MarketData = 1,

    /// <summary>A frame could not be parsed.</summary>
    Parse = 2,

    /// <summary>A risk check refused something.</summary>
    Risk = 3,

    /// <summary>Order routing or execution.</summary>
    Execution = 4,

    /// <summary>Durable storage.</summary>
    Persistence = 5,

    /// <summary>Configuration given at start-up.</summary>
    Configuration = 6,

    /// <summary>The engine itself (threads, stages, faults).</summary>
    System = 7,
}
