namespace RoboTrader.Engine.Ring;

/// <summary>
/// Handles events in place on a consumer thread. Implement it with a struct or a sealed class and pass the type as the
/// generic argument of <see cref="BatchEventProcessor{T, THandler}"/>, so the call is devirtualized and inlined.
/// </summary>
/// <remarks>All methods are called only from the consumer's thread.</remarks>
public interface IEventHandler<T>
{
    /// <summary>Handles the event at <paramref name="sequence"/>; <paramref name="endOfBatch"/> is true on the last event of the batch available now (flush then).</summary>
    void OnEvent(ref T data, long sequence, bool endOfBatch);

    /// <summary>Called once on the consumer thread before the first event.</summary>
    void OnStart();

    /// <summary>Called once on the consumer thread after the last event.</summary>
    void OnShutdown();
}
