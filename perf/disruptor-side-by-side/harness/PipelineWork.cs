using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>The work of one pipeline step on an event, shared by both rings' handlers so they do the same thing.</summary>
public static class PipelineWork
{
    /// <summary>Operand two of the first event; the producer counts it down by one per event.</summary>
    public const long OperandTwoStart = 777;

    /// <summary>Performs <paramref name="step"/> on <paramref name="data"/>, counting into <paramref name="counter"/> in step three.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(PipelineStep step, PipelineEvent data, ref PaddedLong counter)
    {
        switch (step)
        {
            case PipelineStep.One:
                data.StepOneResult = data.OperandOne + data.OperandTwo;
                break;
            case PipelineStep.Two:
                data.StepTwoResult = data.StepOneResult + 3;
                break;
            case PipelineStep.Three:
                if ((data.StepTwoResult & 4) == 4)
                {
                    counter.Value++;
                }

                break;
        }
    }

    /// <summary>The count step three must reach after <paramref name="events"/> events (worked out without the ring).</summary>
    public static long ExpectedCount(long events)
    {
        // Event i carries i and OperandTwoStart - i, so step one is always OperandTwoStart and step two 780, which has
        // bit 2 set: every event counts. Computed rather than assumed, so a change of the constant keeps the check exact.
        var stepTwo = OperandTwoStart + 3;
        return (stepTwo & 4) == 4 ? events : 0;
    }
}
