namespace RoboTrader.Engine.Parsing;

/// <summary>The parser level that understood a frame (the fallback chain tries them in this order).</summary>
public enum ParseLevel : byte
{
    /// <summary>Not parsed (failed, or not a frame).</summary>
    None = 0,

    /// <summary>Exact schema, fastest path.</summary>
    Strict = 1,

    /// <summary>Tolerant of order, casing, quoting and noise.</summary>
    Lenient = 2,

    /// <summary>Only the critical fields; the event is partial.</summary>
    Basic = 3,
}
