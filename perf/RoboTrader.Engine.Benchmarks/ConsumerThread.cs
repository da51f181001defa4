using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>A long-lived consumer thread for one benchmark (started in GlobalSetup, stopped in GlobalCleanup).</summary>
public sealed class ConsumerThread
{
    private readonly IEventProcessor _processor;
    private readonly Thread _thread;

    public ConsumerThread(IEventProcessor processor, string name)
    {
        _processor = processor;
        _thread = new Thread(processor.Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Spins (then yields) until the consumer has handled <paramref name="sequence"/>.</summary>
    public static void WaitFor(Sequence consumer, long sequence)
    {
        var spin = default(SpinWait);
        while (consumer.Value < sequence)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    public void Stop()
    {
        _processor.Halt();
        _thread.Join();
    }
}
