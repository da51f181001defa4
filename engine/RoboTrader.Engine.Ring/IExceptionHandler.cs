namespace RoboTrader.Engine.Ring;

/// <summary>Decides what happens when a handler throws.</summary>
/// <remarks>Called on the consumer's thread.</remarks>
public interface IExceptionHandler<T>
{
    /// <summary>
    /// The handler threw on <paramref name="sequence"/>. Return true to continue with the next event (the event
    /// counts as processed), false to halt the processor.
    /// </summary>
    bool OnEventException(Exception exception, long sequence, ref T data);
}
