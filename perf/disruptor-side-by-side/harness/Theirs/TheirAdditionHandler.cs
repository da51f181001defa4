using Disruptor;
using RoboTrader.Engine.PerfTests;

namespace RoboTrader.Engine.DisruptorSideBySide.Theirs;

/// <summary>Sums the events' values into a padded counter and counts batches in OnBatchStart, as Disruptor-net's perf-test handler does.</summary>
public sealed class TheirAdditionHandler : IEventHandler<CountingEvent>, IValueEventHandler<CountingValue>
{
    private PaddedLong _value;
    private PaddedLong _batches;

    /// <summary>Σ of the values handled.</summary>
    public long Value => _value.Value;

    /// <summary>Batches handled.</summary>
    public long Batches => _batches.Value;

    public void OnEvent(CountingEvent data, long sequence, bool endOfBatch) => _value.Value += data.Value;

    public void OnEvent(ref CountingValue data, long sequence, bool endOfBatch) => _value.Value += data.Value;

    public void OnBatchStart(long batchSize) => _batches.Value++;
}
