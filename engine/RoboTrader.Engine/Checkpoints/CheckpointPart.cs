using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// One stage group's part of a checkpoint, handed from the group's thread to the coordinator's completion thread:
/// the store checkpoints it started and the outputs its states name.
/// </summary>
/// <param name="Id">The checkpoint id.</param>
/// <param name="Sequence">The stamped frame's sequence.</param>
/// <param name="Last">True for the last group's part: the checkpoint completes after it.</param>
/// <param name="Started">When the group's stall began (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
internal sealed record CheckpointPart(long Id, long Sequence, bool Last, long Started)
{
    /// <summary>The store checkpoints started.</summary>
    public List<StorePart> Stores { get; } = [];

    /// <summary>What the states name and is not durable yet.</summary>
    public PendingDurability Pending { get; } = new();

    /// <summary>When the group's stall ended (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long StallEnd { get; set; }
}
