using System.Globalization;
using System.IO.Compression;

namespace RoboTrader.Cli.Tests.Reference;

/// <summary>
/// An independent, deliberately naive implementation of the backtest semantics, to check the engine against:
/// it loads every row of every file into memory, sorts them with LINQ by (date, time, symbol, trade before quote,
/// line), and simulates sma-cross and the next-tick fill with <see cref="decimal"/> arithmetic and plain lists. It
/// shares no code with the engine.
/// </summary>
internal static class ReferenceBacktest
{
    public sealed record Fill(long Seq, string Symbol, string Side, decimal Qty, decimal Price, decimal Fee);

    public sealed record Result(
        long Events,
        long Trades,
        long Quotes,
        long Suspicious,
        long Orders,
        long Cancelled,
        IReadOnlyList<Fill> Fills,
        IReadOnlyDictionary<string, decimal> Positions,
        decimal Realized,
        decimal Unrealized,
        decimal Fees);

    private sealed record Row(DateOnly Date, long Time, string Symbol, int Kind, int Line, string[] Fields);

    public static Result Run(string dataRoot, string[] symbols, DateOnly from, DateOnly to, int fast, int slow, decimal qty, decimal feeBps)
    {
        var tickers = symbols.Select(s => s.ToUpperInvariant()).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var rows = new List<Row>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var ticker in tickers)
            {
                foreach (var (kind, suffix) in new[] { (0, "trade"), (1, "quote") })
                {
                    var path = Path.Combine(dataRoot, "equity", "usa", "tick", ticker.ToLowerInvariant(), $"{date:yyyyMMdd}_{suffix}.zip");
                    if (!File.Exists(path))
                    {
                        continue;
                    }

                    using var zip = ZipFile.OpenRead(path);
                    using var reader = new StreamReader(zip.Entries[0].Open());
                    var line = 0;
                    while (reader.ReadLine() is { } text)
                    {
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        var fields = text.Split(',');
                        rows.Add(new Row(date, long.Parse(fields[0], CultureInfo.InvariantCulture), ticker, kind, line++, fields));
                    }
                }
            }
        }

        var ordered = rows
            .OrderBy(r => r.Date).ThenBy(r => r.Time).ThenBy(r => r.Symbol, StringComparer.Ordinal).ThenBy(r => r.Kind).ThenBy(r => r.Line)
            .ToList();

        var history = tickers.ToDictionary(t => t, _ => new List<decimal>());
        var signal = tickers.ToDictionary(t => t, _ => 0);
        var position = tickers.ToDictionary(t => t, _ => 0m);
        var cost = tickers.ToDictionary(t => t, _ => 0m);
        var last = tickers.ToDictionary(t => t, _ => (decimal?)null);
        var pending = tickers.ToDictionary(t => t, _ => new List<decimal>());
        var fills = new List<Fill>();
        decimal realized = 0, fees = 0;
        long orders = 0, trades = 0, suspicious = 0;

        for (var seq = 0; seq < ordered.Count; seq++)
        {
            var row = ordered[seq];
            if (row.Fields[^1] == "1")
            {
                suspicious++;
            }

            if (row.Kind != 0)
            {
                continue;
            }

            trades++;
            if (row.Fields[^1] == "1")
            {
                continue;
            }

            var s = row.Symbol;
            var price = decimal.Parse(row.Fields[1], CultureInfo.InvariantCulture) / 10000m;
            foreach (var q in pending[s])
            {
                var fee = Math.Abs(q) * price * feeBps / 10000m;
                fees += fee;
                fills.Add(new Fill(seq, s, q > 0 ? "BUY" : "SELL", Math.Abs(q), price, fee));
                var p = position[s];
                if (p == 0 || Math.Sign(p) == Math.Sign(q))
                {
                    cost[s] += q * price;
                    position[s] = p + q;
                }
                else
                {
                    var closed = Math.Min(Math.Abs(p), Math.Abs(q)) * Math.Sign(p);
                    var closedCost = cost[s] * Math.Abs(closed) / Math.Abs(p);
                    realized += (closed * price) - closedCost;
                    cost[s] -= closedCost;
                    position[s] = p - closed;
                    var rest = q + closed;
                    cost[s] += rest * price;
                    position[s] += rest;
                }
            }

            pending[s].Clear();
            last[s] = price;
            var h = history[s];
            h.Add(price);
            if (h.Count >= Math.Max(fast, slow))
            {
                var sumFast = h.Skip(h.Count - fast).Sum();
                var sumSlow = h.Skip(h.Count - slow).Sum();
                var left = sumFast * slow;
                var right = sumSlow * fast;
                signal[s] = left > right ? 1 : left < right ? -1 : signal[s];
            }

            if (h.Count > 4 * Math.Max(fast, slow))
            {
                h.RemoveRange(0, h.Count - Math.Max(fast, slow));
            }

            var target = signal[s] * qty;
            var current = position[s] + pending[s].Sum();
            if (target != current)
            {
                pending[s].Add(target - current);
                orders++;
            }
        }

        var unrealized = tickers.Where(t => last[t] is not null).Sum(t => (position[t] * last[t]!.Value) - cost[t]);
        return new Result(
            ordered.Count,
            trades,
            ordered.Count - trades,
            suspicious,
            orders,
            tickers.Sum(t => pending[t].Count),
            fills,
            position,
            realized,
            unrealized,
            fees);
    }
}
