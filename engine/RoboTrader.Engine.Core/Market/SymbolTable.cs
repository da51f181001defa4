namespace RoboTrader.Engine.Core.Market;

/// <summary>
/// Maps upper-case tickers to dense <see cref="SymbolId"/>s. Ids are assigned in ordinal order of the tickers
/// given at construction, so comparing ids compares tickers: the merge order of recorded data depends on that.
/// </summary>
/// <remarks>Immutable after construction; safe to read from any thread.</remarks>
public sealed class SymbolTable
{
    private readonly string[] _tickers;
    private readonly byte[][] _ascii;
    private readonly Dictionary<string, SymbolId> _ids;

    /// <summary>Builds the table from tickers (case-insensitive, duplicates removed, sorted ordinally).</summary>
    public SymbolTable(IEnumerable<string> tickers)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        _tickers = tickers
            .Select(t => NormalizeTicker(t))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        _ascii = _tickers.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
        _ids = new Dictionary<string, SymbolId>(StringComparer.Ordinal);
        for (var i = 0; i < _tickers.Length; i++)
        {
            _ids[_tickers[i]] = new SymbolId(i);
        }
    }

    /// <summary>Number of symbols.</summary>
    public int Count => _tickers.Length;

    /// <summary>The tickers in id order.</summary>
    public IReadOnlyList<string> Tickers => _tickers;

    /// <summary>The upper-case ticker of <paramref name="id"/>.</summary>
    public string this[SymbolId id] => _tickers[id.Value];

    /// <summary>The ticker of <paramref name="id"/> as ASCII bytes, for writers of CSV rows and ledger records.</summary>
    public ReadOnlySpan<byte> Ascii(SymbolId id) => _ascii[id.Value];

    /// <summary>Looks a ticker up (case-insensitive).</summary>
    public bool TryGet(string ticker, out SymbolId id) => _ids.TryGetValue(NormalizeTicker(ticker), out id);

    /// <summary>Upper-case, trimmed; rejects empty and non-printable tickers.</summary>
    public static string NormalizeTicker(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var t = ticker.Trim().ToUpperInvariant();
        if (t.Length == 0 || t.Any(c => c <= ' ' || c > '~' || c == ','))
        {
            throw new ArgumentException($"'{ticker}' is not a valid ticker", nameof(ticker));
        }

        return t;
    }
}
