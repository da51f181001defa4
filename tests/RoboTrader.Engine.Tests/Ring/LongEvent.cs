namespace RoboTrader.Engine.Tests.Ring;

/// <summary>A class slot carrying one value; producers write the sequence into it.</summary>
public sealed class LongEvent
{
    public long Value;
}
