using System.Globalization;
using System.IO.Compression;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Adapters.Lean;

/// <summary>
/// Writes synthetic US-equity data in LEAN's folder layout (what <see cref="LeanDataSource"/> reads), for demos and
/// tests: random-walk prices in 1/10000 dollars, strictly increasing times between 09:30 and 16:00 New York time,
/// weekdays only. Deterministic: each file's content depends only on (seed, ticker, date, resolution).
/// </summary>
public sealed class LeanDataGenerator
{
    /// <summary>09:30 in milliseconds after midnight.</summary>
    public const int SessionOpenMs = ((9 * 60) + 30) * 60 * 1000;

    /// <summary>16:00 in milliseconds after midnight.</summary>
    public const int SessionCloseMs = 16 * 60 * 60 * 1000;

    private const int MinutesPerSession = (SessionCloseMs - SessionOpenMs) / 60_000;
    private const long MinPrice = 10_000; // $1: the walk is reflected above it, so prices stay positive
    private const long Cent = 100;
    private const string Exchanges = "PQNTZKBJ";

    private static readonly DateTimeOffset s_entryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly LeanGeneratorOptions _options;
    private readonly string[] _tickers;
    private readonly AsciiBuffer _trades = new();
    private readonly AsciiBuffer _quotes = new();

    /// <summary>Creates the generator; checks the options now.</summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.ConfigurationInvalid"/> for bad options.</exception>
    public LeanDataGenerator(LeanGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (options.Symbols is null || options.Symbols.Count == 0)
        {
            throw Invalid("no symbols given");
        }

        try
        {
            _tickers = [.. new SymbolTable(options.Symbols).Tickers];
        }
        catch (ArgumentException ex)
        {
            throw Invalid(ex.Message);
        }

        if (options.From > options.To)
        {
            throw Invalid($"the first date {options.From:yyyy-MM-dd} is after the last date {options.To:yyyy-MM-dd}");
        }

        if (options.TicksPerDay is < 1 or > 1_000_000)
        {
            throw Invalid($"ticks per day must be between 1 and 1000000, not {options.TicksPerDay}");
        }

        if (options.Resolutions is null || options.Resolutions.Count == 0 || options.Resolutions.Any(r => !Enum.IsDefined(r)))
        {
            throw Invalid("resolutions must be one or more of Tick, Minute");
        }
    }

    /// <summary>
    /// Writes every file under <paramref name="dataRoot"/> (created if needed; existing files are overwritten) and
    /// returns their paths relative to it, in the order written: resolution, date, ticker, trade before quote.
    /// </summary>
    public IReadOnlyList<string> Generate(string dataRoot)
    {
        ArgumentNullException.ThrowIfNull(dataRoot);
        var written = new List<string>();
        foreach (var resolution in _options.Resolutions.Distinct().Order())
        {
            for (var date = _options.From; date <= _options.To; date = date.AddDays(1))
            {
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                foreach (var ticker in _tickers)
                {
                    var random = new SplitMix64(FileSeed(ticker, date, resolution));
                    if (resolution == LeanResolution.Tick)
                    {
                        WriteTicks(ref random, StartPrice(ticker));
                    }
                    else
                    {
                        WriteMinuteBars(ref random, StartPrice(ticker));
                    }

                    written.Add(WriteZip(dataRoot, resolution, ticker, date, LeanDataKind.Trade, _trades));
                    written.Add(WriteZip(dataRoot, resolution, ticker, date, LeanDataKind.Quote, _quotes));
                }
            }
        }

        return written;
    }

    /// <summary>The entry name LEAN uses: <c>20131007_bac_Trade_Tick.csv</c>, <c>20131007_spy_minute_quote.csv</c>.</summary>
    public static string EntryName(LeanResolution resolution, string ticker, DateOnly date, LeanDataKind kind)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        var suffix = (resolution, kind) switch
        {
            (LeanResolution.Tick, LeanDataKind.Trade) => "Trade_Tick",
            (LeanResolution.Tick, LeanDataKind.Quote) => "Quote_Tick",
            (LeanResolution.Minute, LeanDataKind.Trade) => "minute_trade",
            (LeanResolution.Minute, LeanDataKind.Quote) => "minute_quote",
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "not Tick or Minute"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}_{ticker.ToLowerInvariant()}_{suffix}.csv");
    }

    private void WriteTicks(ref SplitMix64 random, long mid)
    {
        _trades.Clear();
        _quotes.Clear();

        // Trades and quotes share one timeline, so each file's times are strictly increasing.
        var meanGap = Math.Max(1, (SessionCloseMs - SessionOpenMs) / (2 * _options.TicksPerDay));
        long time = SessionOpenMs;
        while (true)
        {
            time += 1 + random.NextInt((2 * meanGap) - 1);
            if (time >= SessionCloseMs)
            {
                break;
            }

            mid = Walk(mid, random.NextInt(5) - 2);
            var exchange = Exchanges[random.NextInt(Exchanges.Length)];
            var suspicious = random.NextInt(2000) == 0 ? 1 : 0;
            if ((random.Next() & 1) == 0)
            {
                var price = mid + ((random.NextInt(3) - 1) * (Cent / 2));
                var size = random.NextInt(10) == 0 ? 1 + random.NextInt(99) : 100 * (1 + random.NextInt(10));
                NewLine(_trades).Append(time).Field(price).Field(size).Field(exchange).Field('0').Field(suspicious);
            }
            else
            {
                var half = Cent * (1 + random.NextInt(2));
                long bid = mid - half, bidSize = 100 * (1 + random.NextInt(50));
                long ask = mid + half, askSize = 100 * (1 + random.NextInt(50));
                switch (random.NextInt(20))
                {
                    case 0:
                        bid = bidSize = 0; // one side absent, as in LEAN's quote ticks
                        break;
                    case 1:
                        ask = askSize = 0;
                        break;
                }

                NewLine(_quotes).Append(time).Field(bid).Field(bidSize).Field(ask).Field(askSize)
                    .Field(exchange).Field('1').Field(suspicious);
            }
        }
    }

    private void WriteMinuteBars(ref SplitMix64 random, long mid)
    {
        _trades.Clear();
        _quotes.Clear();
        for (var minute = 0; minute < MinutesPerSession; minute++)
        {
            var time = SessionOpenMs + (minute * 60_000L);
            var open = mid;
            long high = mid, low = mid;
            for (var step = 0; step < 20; step++)
            {
                mid = Walk(mid, random.NextInt(3) - 1);
                high = Math.Max(high, mid);
                low = Math.Min(low, mid);
            }

            var close = mid;
            var volume = 100L * (1 + random.NextInt(500));
            var half = Cent * (1 + random.NextInt(2));
            var bidSize = 100L * (1 + random.NextInt(50));
            var askSize = 100L * (1 + random.NextInt(50));
            if (random.NextInt(50) != 0)
            {
                // LEAN writes no trade bar for a minute without trades.
                NewLine(_trades).Append(time).Field(open).Field(high).Field(low).Field(close).Field(volume);
            }

            NewLine(_quotes).Append(time)
                .Field(open - half).Field(high - half).Field(low - half).Field(close - half).Field(bidSize)
                .Field(open + half).Field(high + half).Field(low + half).Field(close + half).Field(askSize);
        }
    }

    private static long Walk(long mid, int cents)
    {
        var next = mid + (cents * Cent);
        return next < MinPrice + (2 * Cent) ? MinPrice + (2 * Cent) + (MinPrice + (2 * Cent) - next) : next;
    }

    // Lines are separated, not terminated: the last line of a file has no '\n', as in LEAN's files.
    private static AsciiBuffer NewLine(AsciiBuffer buffer) => buffer.Length == 0 ? buffer : buffer.Append('\n');

    private string WriteZip(string dataRoot, LeanResolution resolution, string ticker, DateOnly date, LeanDataKind kind, AsciiBuffer csv)
    {
        var relative = LeanDataSource.RelativePath(resolution, ticker, date, kind);
        var path = Path.Combine(dataRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(EntryName(resolution, ticker, date, kind), _options.Compression);
            entry.LastWriteTime = s_entryTime;
            using var stream = entry.Open();
            stream.Write(csv.Written);
        }

        return relative;
    }

    private ulong FileSeed(string ticker, DateOnly date, LeanResolution resolution)
        => SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(_options.Seed, SplitMix64.Hash(ticker)), (ulong)date.DayNumber), (ulong)resolution);

    // $20..$300, then ±$10, fixed by (seed, ticker): every day of a symbol starts at the same level.
    private long StartPrice(string ticker)
    {
        var random = new SplitMix64(SplitMix64.Mix(_options.Seed, SplitMix64.Hash(ticker)));
        return ((20 + random.NextInt(281)) * 10_000L) + ((random.NextInt(2001) - 1000) * Cent);
    }

    private static EngineException Invalid(string what) => new(ErrorCode.ConfigurationInvalid, $"LEAN data generator: {what}");
}
