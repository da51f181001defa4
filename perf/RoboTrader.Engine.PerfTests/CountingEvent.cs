namespace RoboTrader.Engine.PerfTests;

/// <summary>A class slot carrying one value.</summary>
public sealed class CountingEvent
{
    public long Value;
}
