using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.PerfTests;

/// <summary>Sums values of class slots (a sealed class: the processor's call devirtualizes).</summary>
public sealed class ClassSumHandler : IEventHandler<CountingEvent>
{
    public long Sum;

    public void OnEvent(ref CountingEvent data, long sequence, bool endOfBatch) => Sum += data.Value;

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}

/// <summary>Sums values of struct slots (a struct: the processor is specialised for it).</summary>
public struct ValueSumHandler : IEventHandler<CountingValue>
{
    public long Sum;

    public void OnEvent(ref CountingValue data, long sequence, bool endOfBatch) => Sum += data.Value;

    public readonly void OnStart()
    {
    }

    public readonly void OnShutdown()
    {
    }
}
