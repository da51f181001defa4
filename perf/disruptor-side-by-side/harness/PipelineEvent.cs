namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>The slot of the three-step pipeline: two operands and each step's result (the shape Disruptor-net's pipeline test uses).</summary>
public sealed class PipelineEvent
{
    public long OperandOne;
    public long OperandTwo;
    public long StepOneResult;
    public long StepTwoResult;
}
