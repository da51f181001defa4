using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>Checks that every producer's events arrive exactly once and in that producer's own order.</summary>
public sealed class ProducerOrderHandler : IEventHandler<ProducerEvent>
{
    private readonly long[] _nextCounter;

    public ProducerOrderHandler(int producerCount) => _nextCounter = new long[producerCount];

    public long Count { get; private set; }

    public string? FirstError { get; private set; }

    /// <summary>How many events of <paramref name="producerId"/> were seen in order.</summary>
    public long SeenFrom(int producerId) => _nextCounter[producerId];

    public void OnEvent(ref ProducerEvent data, long sequence, bool endOfBatch)
    {
        var id = data.ProducerId;
        if ((uint)id >= (uint)_nextCounter.Length)
        {
            FirstError ??= $"sequence {sequence}: unknown producer {id}";
        }
        else if (data.Counter != _nextCounter[id])
        {
            FirstError ??= $"sequence {sequence}: producer {id} expected counter {_nextCounter[id]}, got {data.Counter}";
            _nextCounter[id] = data.Counter + 1;
        }
        else
        {
            _nextCounter[id]++;
        }

        Count++;
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
