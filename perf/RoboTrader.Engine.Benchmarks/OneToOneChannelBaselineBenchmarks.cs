using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// The baseline: a bounded <see cref="Channel{T}"/> (capacity = the ring's size, single reader and writer) used the
/// idiomatic way, TryWrite falling back to WriteAsync and WaitToReadAsync then TryRead until empty.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class OneToOneChannelBaselineBenchmarks
{
    private const int Capacity = 65_536;
    private const int Events = 10_000_000;

    private Channel<long> _channel = null!;
    private Thread _consumer = null!;
    private long _consumed;
    private long _target;
    private long _sum;

    [GlobalSetup]
    public void Setup()
    {
        _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _consumer = new Thread(() => ConsumeAsync().GetAwaiter().GetResult()) { IsBackground = true, Name = "consumer" };
        _consumer.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel.Writer.Complete();
        _consumer.Join();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> ChannelBaseline()
    {
        var writer = _channel.Writer;
        for (long i = 0; i < Events; i++)
        {
            if (!writer.TryWrite(i))
            {
                await writer.WriteAsync(i).ConfigureAwait(false);
            }
        }

        _target += Events;
        var spin = default(SpinWait);
        while (Volatile.Read(ref _consumed) < _target)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return _target;
    }

    private async Task ConsumeAsync()
    {
        var reader = _channel.Reader;
        long count = 0;
        long sum = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var value))
            {
                sum += value;
                count++;
            }

            Volatile.Write(ref _consumed, count);
        }

        _sum = sum;
    }
}
