using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>A struct handler over struct slots: its state lives inside the processor (read it through Handler).</summary>
public struct ValueEventHandler : IEventHandler<ValueEvent>
{
    public long Count;
    public long Mismatches;
    public long Expected;

    public void OnEvent(ref ValueEvent data, long sequence, bool endOfBatch)
    {
        if (data.Value != sequence || sequence != Expected)
        {
            Mismatches++;
        }

        Expected = sequence + 1;
        Count++;
    }

    public readonly void OnStart()
    {
    }

    public readonly void OnShutdown()
    {
    }
}
