using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Pipeline;

/// <summary>
/// What risk hands to decide, and decide to execute, for the event in hand: the risk envelope and the order intent.
/// One per ring, shared by all its slots, because those three stages always run fused on one thread
/// (<see cref="StagePlacement"/> refuses any other placement): the values live in one place that stays in the
/// first-level cache instead of 190 bytes per slot that are cold on every event (a 65,536-slot ring of larger
/// slots no longer fitted the last-level cache and halved the full backtest's throughput).
/// </summary>
/// <remarks>Reached through <see cref="PipelineSlot.Envelope"/> and <see cref="PipelineSlot.Intent"/>; nothing
/// else may keep a reference to them across events.</remarks>
public sealed class FusedHandOff
{
    /// <summary>The envelope risk wrote for the current event.</summary>
    public RiskEnvelope Envelope;

    /// <summary>The intent decide wrote for the current event.</summary>
    public OrderIntent Intent;
}
