using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>Records the endOfBatch flag of every event, by sequence.</summary>
public sealed class BatchFlagHandler : IEventHandler<LongEvent>
{
    public List<bool> Flags { get; } = [];

    public void OnEvent(ref LongEvent data, long sequence, bool endOfBatch) => Flags.Add(endOfBatch);

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
