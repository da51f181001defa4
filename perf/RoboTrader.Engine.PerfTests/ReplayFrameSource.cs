using System.Diagnostics;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// Publishes pre-generated <see cref="ReplayFrames"/> as fast as the pipeline takes them, session after session: lap
/// k is trading day k (a source per day, symbol and kind, as the LEAN reader registers one per file), so event time
/// keeps moving forward and every day-boundary rule (daily limits, DAY orders) runs as on real data. Stops after
/// <c>warmUp + measured</c> of wall-clock time, after <c>maxFrames</c>, or when the days run out, whichever is first.
/// </summary>
/// <remarks>
/// The rate is taken on the producer over the window after the warm-up (JIT tiering, caches): with the default ring
/// the producer is never more than a ring ahead of the last stage, an error of a ring's worth of events at each end
/// of the window that cancels out. Pipeline start, drain and output files are outside the window.
/// </remarks>
public sealed class ReplayFrameSource(ReplayFrames frames, int days, TimeSpan warmUp, TimeSpan measured, long maxFrames = long.MaxValue) : IFrameSource
{
    private static readonly DateOnly s_firstDay = new(2024, 1, 8);

    private SourceId[] _ids = [];

    /// <summary>Frames published in the measured window per second of it (0 before <see cref="Run"/>).</summary>
    public double MeasuredPerSecond { get; private set; }

    /// <summary>
    /// Frames published in the measured window per second of CPU time of the busiest other thread of the process in it
    /// (the stage thread, the pipeline's bottleneck); <see cref="MeasuredPerSecond"/> where per-thread CPU time is not available.
    /// </summary>
    public double PerStageCpuSecond { get; private set; }

    /// <summary>Frames published in all.</summary>
    public long Published { get; private set; }

    /// <inheritdoc />
    public SymbolTable Symbols { get; } = new(ReplayFrames.Tickers);

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _ids = new SourceId[days * ReplayFrames.StreamCount];
        var day = s_firstDay;
        for (var d = 0; d < days; d++, day = NextWeekday(day))
        {
            for (var s = 0; s < ReplayFrames.StreamCount; s++)
            {
                var format = ReplayFrames.FormatOf(s);
                var name = $"replay/{day:yyyyMMdd}/{ReplayFrames.Tickers[ReplayFrames.SymbolOf(s)]}/{(format == FrameFormat.LeanTradeTick ? "trade" : "quote")}";
                _ids[(d * ReplayFrames.StreamCount) + s] = registry.Register(new SourceDescriptor(new SymbolId(ReplayFrames.SymbolOf(s)), format, day, "America/New_York", 4, name));
            }
        }
    }

    /// <inheritdoc />
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = windowStart + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        long published = 0, atWindowStart = -1, now = start;
        var producer = ThreadCpu.CurrentThreadId();
        Dictionary<int, long> cpuAtStart = [];
        for (var d = 0; d < days && published < maxFrames && now < end && !cancellationToken.IsCancellationRequested; d++)
        {
            var lapEnd = (int)Math.Min(frames.Count, maxFrames - published);
            for (var i = 0; i < lapEnd; i += 1024)
            {
                PublishRange(ingest, d * ReplayFrames.StreamCount, i, Math.Min(lapEnd, i + 1024));
                published += Math.Min(lapEnd, i + 1024) - i;
                now = Stopwatch.GetTimestamp();
                if (atWindowStart < 0 && now >= windowStart)
                {
                    atWindowStart = published;
                    cpuAtStart = ThreadCpu.Snapshot();
                    windowStart = now;
                }

                if (now >= end)
                {
                    break;
                }
            }
        }

        var stageCpu = atWindowStart < 0 ? 0 : ThreadCpu.BusiestDelta(cpuAtStart, ThreadCpu.Snapshot(), producer);
        ingest.Flush();
        Published = published;
        MeasuredPerSecond = atWindowStart < 0 || now <= windowStart ? 0 : (published - atWindowStart) / ((double)(now - windowStart) / Stopwatch.Frequency);
        PerStageCpuSecond = stageCpu > 0 ? (published - atWindowStart) / (stageCpu / 1e9) : MeasuredPerSecond;
    }

    // WARNING: the copy loop is compiled optimized at once; the first lap must not measure tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PublishRange(IngestStage ingest, int firstId, int from, int to)
    {
        var ids = _ids;
        for (var i = from; i < to; i++)
        {
            ingest.Publish(ids[firstId + frames.StreamOf(i)], frames.Frame(i));
        }
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return day;
    }
}
