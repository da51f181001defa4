using System.Buffers.Text;
using System.Diagnostics;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// Publishes synthetic LEAN trade rows (a seeded random walk of one symbol) at a steady offered rate: frame i is
/// published at start + i / rate, so the latency measured is under a known load, not a burst. At most
/// <c>maxFrames</c> frames (an exact count, for runs that must publish the same frames).
/// </summary>
public sealed class PacedFrameSource(long eventsPerSecond, TimeSpan duration, ulong seed = 1, long maxFrames = long.MaxValue) : IFrameSource
{
    private SourceId _source;

    /// <summary>Frames the producer published later than scheduled by more than 10 µs (it could not keep the rate).</summary>
    public long LateFrames { get; private set; }

    /// <inheritdoc />
    public SymbolTable Symbols { get; } = new(["PERF"]);

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _source = registry.Register(new SourceDescriptor(new SymbolId(0), FrameFormat.LeanTradeTick, new DateOnly(2024, 1, 8), "America/New_York", 4, "paced"));
    }

    /// <inheritdoc />
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        var total = Math.Min(maxFrames, (long)(eventsPerSecond * duration.TotalSeconds));
        var intervalNanos = 1_000_000_000.0 / eventsPerSecond;
        Span<byte> line = stackalloc byte[64];
        var state = seed | 1;
        long price = 1_000_000;
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            price = Math.Max(100, price + (long)(state % 201) - 100);
            var n = Format(line, 34_200_000 + (i / 1000), price);

            var due = StopwatchNanos.After(start, (long)(i * intervalNanos));
            long now;
            while ((now = Stopwatch.GetTimestamp()) < due)
            {
                Thread.SpinWait(1);
            }

            if (StopwatchNanos.ToNanos(now - due) > 10_000)
            {
                LateFrames++;
            }

            ingest.Publish(_source, line[..n]);
        }
    }

    private static int Format(Span<byte> line, long ms, long price)
    {
        Utf8Formatter.TryFormat(ms, line, out var n);
        line[n++] = (byte)',';
        Utf8Formatter.TryFormat(price, line[n..], out var w);
        n += w;
        "100,P,0,0"u8.CopyTo(line[(n + 1)..]);
        line[n] = (byte)',';
        return n + 10;
    }
}
