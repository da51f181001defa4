namespace RoboTrader.Engine.Benchmarks;

/// <summary>A class slot carrying one value.</summary>
public sealed class LongEvent
{
    public long Value;
}
