namespace RoboTrader.Engine.Ring;

/// <summary>A consumer loop that runs on a thread of its own.</summary>
public interface IEventProcessor
{
    /// <summary>The last sequence this consumer has finished with.</summary>
    Sequence Sequence { get; }

    /// <summary>True while <see cref="Run"/> is executing.</summary>
    bool IsRunning { get; }

    /// <summary>The exception that halted the processor, if any.</summary>
    Exception? Fault { get; }

    /// <summary>Runs the loop on the calling thread until halted.</summary>
    void Run();

    /// <summary>Stops the loop after the batch in progress (from any thread).</summary>
    void Halt();
}
