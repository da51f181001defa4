using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>Records the sequences whose handler threw and answers continue or halt as configured.</summary>
public sealed class RecordingExceptionHandler : IExceptionHandler<LongEvent>
{
    private readonly bool _continue;

    public RecordingExceptionHandler(bool continueAfterException) => _continue = continueAfterException;

    public List<long> FailedSequences { get; } = [];

    public bool OnEventException(Exception exception, long sequence, ref LongEvent data)
    {
        FailedSequences.Add(sequence);
        return _continue;
    }
}
