using System.Buffers;
using System.Globalization;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// The symbols and sources a journal's frames refer to (frames carry only a source id). Written beside the journal
/// and at the head of a recording, as MessagePack:
/// <c>{"format": "robotrader-recording", "version": 1, "symbols": [str], "sources": [{"symbol", "format", "date",
/// "time_zone", "price_decimals", "name"}]}</c> with sources in id order.
/// </summary>
public sealed class SourceCatalog
{
    /// <summary>The file beside a journal.</summary>
    public const string FileName = "sources.msgpack";

    private const string FormatName = "robotrader-recording";

    /// <summary>Creates a catalog.</summary>
    public SourceCatalog(SymbolTable symbols, IReadOnlyList<SourceDescriptor> sources)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(sources);
        Symbols = symbols;
        Sources = sources;
    }

    /// <summary>The symbols.</summary>
    public SymbolTable Symbols { get; }

    /// <summary>The sources in id order.</summary>
    public IReadOnlyList<SourceDescriptor> Sources { get; }

    /// <summary>Encodes the catalog.</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new MessagePackWriter(buffer);
        w.WriteMapHeader(4);
        w.WriteString("format");
        w.WriteString(FormatName);
        w.WriteString("version");
        w.WriteInt32(1);
        w.WriteString("symbols");
        w.WriteArrayHeader(Symbols.Count);
        foreach (var t in Symbols.Tickers)
        {
            w.WriteString(t);
        }

        w.WriteString("sources");
        w.WriteArrayHeader(Sources.Count);
        foreach (var s in Sources)
        {
            w.WriteMapHeader(6);
            w.WriteString("symbol");
            w.WriteString(Symbols[s.Symbol]);
            w.WriteString("format");
            w.WriteString(s.Format.ToString());
            w.WriteString("date");
            w.WriteString(s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("time_zone");
            w.WriteString(s.TimeZoneId);
            w.WriteString("price_decimals");
            w.WriteInt32(s.PriceDecimals);
            w.WriteString("name");
            w.WriteString(s.Name);
        }

        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a catalog from the start of <paramref name="bytes"/>; throws an <see cref="EngineException"/> naming <paramref name="what"/> when it is not one.</summary>
    public static SourceCatalog Decode(ReadOnlySpan<byte> bytes, string what, out int consumed)
    {
        var r = new MessagePackReader(bytes);
        string? format = null;
        var version = 0;
        List<string>? tickers = null;
        var sources = new List<(string Symbol, FrameFormat Format, DateOnly Date, string Zone, int Decimals, string Name)>();
        if (!r.TryReadMapHeader(out var fields))
        {
            throw Bad(what, "it does not start with a catalog map");
        }

        for (var i = 0; i < fields; i++)
        {
            if (!r.TryReadString(out var key))
            {
                throw Bad(what, "a catalog key is not a string");
            }

            switch (key)
            {
                case "format":
                    r.TryReadString(out format);
                    break;
                case "version":
                    r.TryReadInt32(out version);
                    break;
                case "symbols":
                    tickers = [];
                    if (!r.TryReadArrayHeader(out var n))
                    {
                        throw Bad(what, "'symbols' is not an array");
                    }

                    for (var k = 0; k < n; k++)
                    {
                        tickers.Add(r.TryReadString(out var t) ? t : throw Bad(what, "a symbol is not a string"));
                    }

                    break;
                case "sources":
                    if (!r.TryReadArrayHeader(out var m))
                    {
                        throw Bad(what, "'sources' is not an array");
                    }

                    for (var k = 0; k < m; k++)
                    {
                        sources.Add(ReadSource(ref r, what));
                    }

                    break;
                default:
                    if (!r.TrySkip())
                    {
                        throw Bad(what, $"field '{key}' is malformed");
                    }

                    break;
            }
        }

        if (format != FormatName || version != 1 || tickers is null)
        {
            throw Bad(what, $"it is not a {FormatName} version 1 catalog");
        }

        var symbols = new SymbolTable(tickers);
        var descriptors = sources.Select(s => new SourceDescriptor(
            symbols.TryGet(s.Symbol, out var id) ? id : throw Bad(what, $"source '{s.Name}' names unknown symbol '{s.Symbol}'"),
            s.Format, s.Date, s.Zone, s.Decimals, s.Name)).ToList();
        consumed = (int)r.Consumed;
        return new SourceCatalog(symbols, descriptors);
    }

    private static (string, FrameFormat, DateOnly, string, int, string) ReadSource(ref MessagePackReader r, string what)
    {
        if (!r.TryReadMapHeader(out var n))
        {
            throw Bad(what, "a source is not a map");
        }

        string symbol = "", zone = "", name = "";
        FrameFormat format = default;
        DateOnly date = default;
        var decimals = -1;
        for (var i = 0; i < n; i++)
        {
            r.TryReadString(out var key);
            r.TryReadString(out var text);
            switch (key)
            {
                case "symbol": symbol = text ?? ""; break;
                case "format": format = Enum.TryParse<FrameFormat>(text, out var f) ? f : throw Bad(what, $"unknown frame format '{text}'"); break;
                case "date": date = DateOnly.ParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "time_zone": zone = text ?? ""; break;
                case "name": name = text ?? ""; break;
                case "price_decimals":
                    if (!r.TryReadInt32(out decimals))
                    {
                        throw Bad(what, "price_decimals is not an integer");
                    }

                    break;
            }
        }

        return (symbol, format, date, zone, decimals, name);
    }

    private static EngineException Bad(string what, string problem)
        => new(ErrorCode.MarketDataUnreadable, $"{what} is not a RoboTrader recording: {problem}");
}
