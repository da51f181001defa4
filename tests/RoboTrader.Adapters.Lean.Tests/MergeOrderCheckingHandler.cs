using System.Buffers.Text;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>
/// Counts frames per source and checks, frame by frame, that the merge key (date, time, symbol id, trade before quote,
/// line within its source) never decreases. Keeps nothing per frame, so it can watch millions of frames.
/// </summary>
public sealed class MergeOrderCheckingHandler(SourceRegistry registry) : IEventHandler<PipelineSlot>
{
    private readonly long[] _perSource = new long[registry.Count];
    private (int Date, long Time, int Symbol, int Kind, long Line) _last = (int.MinValue, 0, 0, 0, 0);

    public long Frames { get; private set; }

    public long Violations { get; private set; }

    public string? FirstViolation { get; private set; }

    public long FramesOf(SourceId source) => _perSource[source.Value];

    public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch)
    {
        Frames++;
        var descriptor = registry[data.Source];
        var line = ++_perSource[data.Source.Value];
        var frame = data.Frame;
        var comma = frame.IndexOf((byte)',');
        if (!Utf8Parser.TryParse(comma < 0 ? frame : frame[..comma], out long time, out _))
        {
            time = _last.Time;
        }

        var kind = descriptor.Format is FrameFormat.LeanQuoteTick or FrameFormat.LeanQuoteBar ? 1 : 0;
        var key = (descriptor.Date.DayNumber, time, descriptor.Symbol.Value, kind, line);
        if (key.CompareTo(_last) < 0)
        {
            Violations++;
            FirstViolation ??= $"frame {sequence} {key} after {_last} ({descriptor.Name})";
        }

        _last = key;
    }

    public void OnStart()
    {
    }

    public void OnShutdown()
    {
    }
}
