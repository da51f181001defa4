namespace RoboTrader.Engine.Tests.Ring;

/// <summary>A struct slot carrying one value; producers write the sequence into it.</summary>
public struct ValueEvent
{
    public long Value;
}
