using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>Runs one event processor on a dedicated background thread and stops it without ever hanging a test.</summary>
internal sealed class ProcessorThread
{
    private readonly IEventProcessor _processor;
    private readonly Thread _thread;
    private readonly string _name;
    private Exception? _runException;

    public ProcessorThread(IEventProcessor processor, string name = "consumer")
    {
        _processor = processor;
        _name = name;
        _thread = new Thread(RunProcessor) { IsBackground = true, Name = name };
    }

    public IEventProcessor Processor => _processor;

    public ProcessorThread Start()
    {
        _thread.Start();
        return this;
    }

    /// <summary>Starts the thread and waits until the processor's loop has begun.</summary>
    public ProcessorThread StartAndWaitUntilRunning()
    {
        Start();
        Eventually.Until(() => _processor.IsRunning, $"{_name} to start");
        return this;
    }

    /// <summary>The clean stop: waits until the processor has handled <paramref name="lastSequence"/>, then halts and joins.</summary>
    public void DrainAndStop(long lastSequence)
    {
        Eventually.Until(() => _processor.Sequence.Value >= lastSequence, $"{_name} to drain up to {lastSequence}");
        HaltAndJoin();
    }

    public void HaltAndJoin()
    {
        _processor.Halt();
        Join();
    }

    /// <summary>Joins the thread (the processor must stop on its own or have been halted).</summary>
    public void Join()
    {
        Eventually.Join(_thread, _name);
        if (_runException is not null)
        {
            throw new InvalidOperationException($"{_name}'s Run threw", _runException);
        }
    }

    private void RunProcessor()
    {
        try
        {
            _processor.Run();
        }
#pragma warning disable CA1031 // rethrown on the test thread by Join
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _runException = ex;
        }
    }
}
