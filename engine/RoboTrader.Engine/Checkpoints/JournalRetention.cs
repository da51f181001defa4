namespace RoboTrader.Engine.Checkpoints;

/// <summary>What happens to the input journal once a newer checkpoint is durable.</summary>
public enum JournalRetention
{
    /// <summary>Keep every record: the journal is always a complete recording of the run (the default).</summary>
    KeepAll = 0,

    /// <summary>Truncate the journal before the previous checkpoint's address (long-running live engines).</summary>
    SincePreviousCheckpoint = 1,
}
