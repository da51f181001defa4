using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>A struct handler over struct slots: the call is specialised for the value type and inlined.</summary>
public struct ValueSumHandler : IEventHandler<LongValue>
{
    public long Sum;

    public void OnEvent(ref LongValue data, long sequence, bool endOfBatch) => Sum += data.Value;

    public readonly void OnStart()
    {
    }

    public readonly void OnShutdown()
    {
    }
}
