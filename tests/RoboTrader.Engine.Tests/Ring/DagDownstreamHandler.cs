using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>The downstream consumer of the diamond: every event must already carry both upstream stamps.</summary>
public sealed class DagDownstreamHandler : IEventHandler<DagEvent>
{
    private readonly Sequence _left;
    private readonly Sequence _right;
    private long _expected;

    public DagDownstreamHandler(Sequence left, Sequence right)
    {
        _left = left;
        _right = right;
    }

    public long Count { get; private set; }

    public string? FirstError { get; private set; }

    public void OnEvent(ref DagEvent data, long sequence, bool endOfBatch)
    {
        if (sequence != _expected)
        {
            FirstError ??= $"expected sequence {_expected}, got {sequence}";
        }

        if (data.SeenByLeft != sequence || data.SeenByRight != sequence)
        {
            FirstError ??= $"sequence {sequence} reached downstream with stamps left={data.SeenByLeft} right={data.SeenByRight}";
        }

        if (_left.Value < sequence || _right.Value < sequence)
        {
            FirstError ??= $"sequence {sequence} reached downstream before upstream (left={_left.Value} right={_right.Value})";
        }

        _expected = sequence + 1;
        Count++;
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
