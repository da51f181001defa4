namespace RoboTrader.Engine.Pipeline;

/// <summary>
/// A pipeline stage: a small class with its own state and one method that handles an event in place. The builder
/// places stages on threads (alone or fused with neighbours); the stage does not know which.
/// </summary>
/// <remarks>Every method is called only from the thread the stage is placed on.</remarks>
public interface IStage
{
    /// <summary>Which stage this is.</summary>
    StageKind Kind { get; }

    /// <summary>Handles the slot at <paramref name="sequence"/>; writes every field the stage owns.</summary>
    void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch);

    /// <summary>Called on the stage's thread before the first event.</summary>
    void OnStart();

    /// <summary>Called on the stage's thread after the last event (flush, close).</summary>
    void OnShutdown();
}
