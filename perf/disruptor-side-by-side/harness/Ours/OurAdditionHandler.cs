using RoboTrader.Engine.PerfTests;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.DisruptorSideBySide.Ours;

/// <summary>
/// Sums the events' values into a padded counter and counts batches: the work of Disruptor-net's perf-test handler
/// (which counts batches in OnBatchStart; our processor has no such call, so the last event of a batch counts it).
/// </summary>
public sealed class OurAdditionHandler : IEventHandler<CountingEvent>, IEventHandler<CountingValue>
{
    private PaddedLong _value;
    private PaddedLong _batches;

    /// <summary>Σ of the values handled.</summary>
    public long Value => _value.Value;

    /// <summary>Batches handled.</summary>
    public long Batches => _batches.Value;

    public void OnEvent(ref CountingEvent data, long sequence, bool endOfBatch)
    {
        _value.Value += data.Value;
        if (endOfBatch)
        {
            _batches.Value++;
        }
    }

    public void OnEvent(ref CountingValue data, long sequence, bool endOfBatch)
    {
        _value.Value += data.Value;
        if (endOfBatch)
        {
            _batches.Value++;
        }
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
