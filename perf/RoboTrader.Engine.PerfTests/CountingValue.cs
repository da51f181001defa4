namespace RoboTrader.Engine.PerfTests;

/// <summary>A struct slot carrying one value.</summary>
public struct CountingValue
{
    public long Value;
}
