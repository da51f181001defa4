using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Parsing;

/// <summary>What the parse stage precomputes per source: symbol or symbol table, format, day clock and price scaling.</summary>
/// <remarks>Used only from the parse stage's thread (it owns a scratch buffer for the lenient levels).</remarks>
public sealed class ParseContext
{
    /// <summary>The longest ticker a frame may name.</summary>
    public const int MaxTickerLength = 32;

    private readonly Dictionary<string, SymbolId>.AlternateLookup<ReadOnlySpan<char>> _symbols;
    private readonly bool _hasSymbols;
    private byte[] _scratch = [];

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
        var map = new Dictionary<string, SymbolId>(StringComparer.Ordinal);
        if (descriptor.Symbols is { } table)
        {
            for (var i = 0; i < table.Count; i++)
            {
                map[table[new SymbolId(i)]] = new SymbolId(i);
            }

            _hasSymbols = true;
        }

        _symbols = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The source.</summary>
    public SourceDescriptor Descriptor { get; }

    /// <summary>The symbol of every frame (single-symbol formats).</summary>
    public SymbolId Symbol { get; }

    /// <summary>The frame format.</summary>
    public FrameFormat Format { get; }

    /// <summary>Local-day to UTC conversion.</summary>
    public LocalDay Day { get; }

    /// <summary>Factor from the frame's integer price to fixed point.</summary>
    public long PriceMultiplier { get; }

    /// <summary>Largest integer price that scales without overflow.</summary>
    public long MaxScaledValue { get; }

    /// <summary>
    /// Looks up a ticker given as UTF-8 in the source's symbol table without allocating. Exact (upper-case, no
    /// whitespace) unless <paramref name="ignoreCase"/>, which also trims ASCII whitespace.
    /// </summary>
    public bool TryGetSymbol(ReadOnlySpan<byte> ticker, bool ignoreCase, out SymbolId id)
    {
        id = SymbolId.None;
        if (!_hasSymbols)
        {
            return false;
        }

        if (ignoreCase)
        {
            ticker = ticker.Trim(" \t\r\n"u8);
        }

        if (ticker.IsEmpty || ticker.Length > MaxTickerLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxTickerLength];
        for (var i = 0; i < ticker.Length; i++)
        {
            var b = ticker[i];
            if (b <= (byte)' ' || b > (byte)'~')
            {
                return false;
            }

            chars[i] = ignoreCase && b is >= (byte)'a' and <= (byte)'z' ? (char)(b - 32) : (char)b;
        }

        return _symbols.TryGetValue(chars[..ticker.Length], out id);
    }

    /// <summary>A scratch buffer of at least <paramref name="length"/> bytes for the lenient levels (grown on the slow path, then reused).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, 1024)];
        }

        return _scratch;
    }

    /// <summary>The source's name, for messages.</summary>
    public override string ToString() => $"{Descriptor.Name} ({Format})";
}
