using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Support;

/// <summary>One source of one format behind a real <see cref="ParseStage"/>: runs frames through the whole chain.</summary>
internal sealed class ParseChain
{
    private readonly PipelineSlot _slot = new();
    private long _sequence;

    public ParseChain(FrameFormat format, params string[] symbols)
    {
        Symbols = new SymbolTable(symbols.Length == 0 ? ["X"] : symbols);
        var registry = new SourceRegistry();
        registry.Register(new SourceDescriptor(new SymbolId(0), format, new DateOnly(2013, 10, 7), "America/New_York", 4, "test/" + format, Symbols));
        Stage = new ParseStage(registry);
        Stage.Prepare();
    }

    public SymbolTable Symbols { get; }

    public ParseStage Stage { get; }

    public PipelineSlot Parse(string frame) => Parse(Encoding.UTF8.GetBytes(frame));

    public PipelineSlot Parse(ReadOnlySpan<byte> frame)
    {
        _slot.Kind = SlotKind.Frame;
        _slot.Source = new SourceId(0);
        _slot.SetFrame(frame);
        Stage.OnEvent(_slot, _sequence++, true);
        return _slot;
    }

    public long Total => Stage.ParsedStrict + Stage.ParsedLenient + Stage.ParsedBasic + Stage.DeadLettered;
}
