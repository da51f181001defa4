namespace RoboTrader.Engine.Tests.Ring;

/// <summary>A slot of the diamond test: each upstream consumer stamps the sequence it handled into its own field.</summary>
public sealed class DagEvent
{
    public long Value;
    public long SeenByLeft = -1;
    public long SeenByRight = -1;
}
