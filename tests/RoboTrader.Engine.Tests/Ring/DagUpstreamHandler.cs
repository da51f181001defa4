using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>An upstream consumer of the diamond: stamps the sequence it handled into its own field of the slot.</summary>
public sealed class DagUpstreamHandler : IEventHandler<DagEvent>
{
    private readonly bool _isLeft;
    private readonly int _spinPerEvent;

    public DagUpstreamHandler(bool isLeft, int spinPerEvent)
    {
        _isLeft = isLeft;
        _spinPerEvent = spinPerEvent;
    }

    public string? FirstError { get; private set; }

    public void OnEvent(ref DagEvent data, long sequence, bool endOfBatch)
    {
        if (data.Value != sequence)
        {
            FirstError ??= $"slot of sequence {sequence} holds {data.Value}";
        }

        if (_spinPerEvent > 0)
        {
            Thread.SpinWait(_spinPerEvent);
        }

        if (_isLeft)
        {
            data.SeenByLeft = sequence;
        }
        else
        {
            data.SeenByRight = sequence;
        }
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
