using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Parsing;

/// <summary>What the parse stage precomputes per source: symbol, format, day clock and price scaling.</summary>
public sealed class ParseContext
{
    /// <summary>Builds the context of <paramref name="descriptor"/>.</summary>
    public ParseContext(SourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptor = descriptor;
        Symbol = descriptor.Symbol;
        Format = descriptor.Format;
        Day = new LocalDay(descriptor.Date, descriptor.TimeZoneId);
        PriceMultiplier = Core.Numerics.Price.FromScaled(1, descriptor.PriceDecimals).Raw;
        MaxScaledValue = long.MaxValue / PriceMultiplier;
    }

    /// <summary>The source.</summary>
    public SourceDescriptor Descriptor { get; }

    /// <summary>The symbol of every frame.</summary>
    public SymbolId Symbol { get; }

    /// <summary>The frame format.</summary>
    public FrameFormat Format { get; }

    /// <summary>Local-day to UTC conversion.</summary>
    public LocalDay Day { get; }

    /// <summary>Factor from the frame's integer price to fixed point.</summary>
    public long PriceMultiplier { get; }

    /// <summary>Largest integer price that scales without overflow.</summary>
    public long MaxScaledValue { get; }
}
