using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>Adds up the values it sees, so the read cannot be optimised away.</summary>
public sealed class SumHandler : IEventHandler<LongEvent>
{
    public long Sum { get; private set; }

    public void OnEvent(ref LongEvent data, long sequence, bool endOfBatch) => Sum += data.Value;

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
