namespace RoboTrader.Engine.Pipeline;

/// <summary>The consumer stages of the pipeline, in pipeline order (ingest is the producer side).</summary>
public enum StageKind : byte
{
    /// <summary>Frame → typed event.</summary>
    Parse = 0,

    /// <summary>Market-data sanity, kill switch, the risk envelope.</summary>
    Risk = 1,

    /// <summary>Strategies → order intents within the envelope.</summary>
    Decide = 2,

    /// <summary>Orders, fills, portfolio.</summary>
    Execute = 3,

    /// <summary>Durable record of fills and dead letters.</summary>
    Persist = 4,
}
