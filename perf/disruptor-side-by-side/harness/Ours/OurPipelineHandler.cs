using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.DisruptorSideBySide.Ours;

/// <summary>One step of the three-step pipeline on our ring.</summary>
public sealed class OurPipelineHandler(PipelineStep step) : IEventHandler<PipelineEvent>
{
    private readonly PipelineStep _step = step;
    private PaddedLong _counter;

    /// <summary>Step three's count.</summary>
    public long Counter => _counter.Value;

    public void OnEvent(ref PipelineEvent data, long sequence, bool endOfBatch) => PipelineWork.Apply(_step, data, ref _counter);

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
