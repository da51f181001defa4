namespace RoboTrader.Engine.Benchmarks;

/// <summary>A struct slot carrying one value (stored inline in the ring's array).</summary>
public struct LongValue
{
    public long Value;
}
