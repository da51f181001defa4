namespace RoboTrader.Engine.Durability;

/// <summary>When an input must be durable in the journal relative to the orders it causes.</summary>
public enum DurabilityMode : byte
{
    /// <summary>
    /// The journal commits in the background under its group-commit policy; nothing waits for it. For backtests, where
    /// the input can always be read again from the recorded data.
    /// </summary>
    Async = 0,

    /// <summary>
    /// No order leaves the engine before the input that caused it is committed: the execute stage calls
    /// <see cref="InputJournal.WaitForCommit(long)"/> with the input's sequence first. The default for live trading.
    /// </summary>
    CommitBeforeExecute = 1,
}
