using Disruptor;

namespace RoboTrader.Engine.DisruptorSideBySide.Theirs;

/// <summary>One step of the three-step pipeline on Disruptor-net's ring.</summary>
public sealed class TheirPipelineHandler(PipelineStep step) : IEventHandler<PipelineEvent>
{
    private readonly PipelineStep _step = step;
    private PaddedLong _counter;

    /// <summary>Step three's count.</summary>
    public long Counter => _counter.Value;

    public void OnEvent(PipelineEvent data, long sequence, bool endOfBatch) => PipelineWork.Apply(_step, data, ref _counter);
}
