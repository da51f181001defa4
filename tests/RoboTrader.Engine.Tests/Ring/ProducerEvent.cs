namespace RoboTrader.Engine.Tests.Ring;

/// <summary>A slot that says which producer wrote it and that producer's own running count.</summary>
public sealed class ProducerEvent
{
    public int ProducerId;
    public long Counter;
}
