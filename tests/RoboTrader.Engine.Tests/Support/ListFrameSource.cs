using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Tests.Support;

/// <summary>A frame source over in-memory LEAN rows: one source per (symbol, format) on one date.</summary>
internal sealed class ListFrameSource : IFrameSource
{
    private readonly List<(int Source, byte[] Frame)> _frames = [];
    private readonly List<SourceDescriptor> _descriptors = [];
    private readonly Dictionary<(string, FrameFormat), int> _index = [];
    private readonly DateOnly _date;

    public ListFrameSource(DateOnly date, params string[] symbols)
    {
        _date = date;
        Symbols = new SymbolTable(symbols);
    }

    public SymbolTable Symbols { get; }

    /// <summary>Throw after giving this many frames to ingest (a simulated crash).</summary>
    public long CrashAfter { get; set; } = long.MaxValue;

    public ListFrameSource Trade(string symbol, long ms, long price, long size = 100, bool suspicious = false)
        => Add(symbol, FrameFormat.LeanTradeTick, $"{ms},{price},{size},P,0,{(suspicious ? 1 : 0)}");

    public ListFrameSource Quote(string symbol, long ms, long bid, long ask)
        => Add(symbol, FrameFormat.LeanQuoteTick, $"{ms},{bid},100,{ask},100,P,0,0");

    /// <summary>A LEAN trade bar (prices in 1/10000 dollars, like the other rows).</summary>
    public ListFrameSource Bar(string symbol, long ms, long open, long high, long low, long close, long volume = 1_000)
        => Add(symbol, FrameFormat.LeanTradeBar, $"{ms},{open},{high},{low},{close},{volume}");

    public ListFrameSource Add(string symbol, FrameFormat format, string line) => AddBytes(symbol, format, Encoding.ASCII.GetBytes(line));

    public ListFrameSource AddBytes(string symbol, FrameFormat format, byte[] frame)
    {
        if (!_index.TryGetValue((symbol, format), out var id))
        {
            Symbols.TryGet(symbol, out var symbolId);
            id = _descriptors.Count;
            _descriptors.Add(new SourceDescriptor(symbolId, format, _date, "America/New_York", 4, $"{symbol}/{format}", Symbols));
            _index[(symbol, format)] = id;
        }

        _frames.Add((id, frame));
        return this;
    }

    public void RegisterSources(SourceRegistry registry)
    {
        foreach (var d in _descriptors)
        {
            registry.Register(d);
        }
    }

    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        var given = 0L;
        foreach (var (source, frame) in _frames)
        {
            if (given++ == CrashAfter)
            {
                throw new IOException($"simulated crash after {CrashAfter} frames");
            }

            ingest.Publish(new SourceId(source), frame);
        }
    }
}
