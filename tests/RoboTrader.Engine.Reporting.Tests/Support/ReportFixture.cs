using System.Globalization;
using System.Text;

namespace RoboTrader.Engine.Reporting.Tests.Support;

/// <summary>Writes an output folder in the engine's schemas (trades.csv, equity.csv, breaches.csv, summary.json) for the report to read.</summary>
internal static class ReportFixture
{
    public const string TradesHeader = "seq,time,symbol,side,qty,price,fee,order_id,order_type,limit_price,stop_price,position,realized_pnl";
    public const string EquityHeader = "time,equity,cash,gross_exposure,net_exposure,realized_pnl,unrealized_pnl,fees";
    public const string BreachesHeader = "seq,time,symbol,rule,state,detail";

    public static readonly DateTime Day0 = new(2013, 10, 7, 13, 30, 0, DateTimeKind.Utc);

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An equity row with cash = equity and no exposure, unless given.</summary>
    public static string EquityRow(DateTime t, string equity, string gross = "0", string net = "0")
        => $"{Iso(t)},{equity},{equity},{gross},{net},0,0,0";

    public static void Write(string dir, IEnumerable<string> equityRows, IEnumerable<string> tradeRows, IEnumerable<string>? breachRows = null, string? summary = null)
    {
        File.WriteAllText(Path.Combine(dir, "equity.csv"), EquityHeader + "\n" + string.Concat(equityRows.Select(r => r + "\n")));
        File.WriteAllText(Path.Combine(dir, "trades.csv"), TradesHeader + "\n" + string.Concat(tradeRows.Select(r => r + "\n")));
        if (breachRows is not null)
        {
            File.WriteAllText(Path.Combine(dir, "breaches.csv"), BreachesHeader + "\n" + string.Concat(breachRows.Select(r => r + "\n")));
        }

        File.WriteAllText(Path.Combine(dir, "summary.json"), summary ?? Summary);
    }

    public const string Summary = """
        {
          "events": 1234,
          "fills": 4,
          "positions": {
            "BAC": 0,
            "IBM": 100
          },
          "sources": [ { "name": "x", "format": "LeanTradeTick" } ],
          "realized_pnl": "12.5",
          "kill_switch": "",
          "parameters": {
            "symbols": "bac,ibm",
            "strategy": "sma-cross <fast>",
            "from": "2013-10-07"
          },
          "elapsed_ms": 812.5,
          "events_per_sec": 1520
        }
        """;

    /// <summary>
    /// A long run: <paramref name="days"/> trading days of one-minute samples (390 a day, 13:30–20:00 UTC) of a seeded
    /// random walk, with a round trip of fills every 30 minutes and a few breaches.
    /// </summary>
    public static void WriteLong(string dir, int days, int seed = 7)
    {
        var random = new Random(seed);
        var equity = new StringBuilder(EquityHeader + "\n");
        var trades = new StringBuilder(TradesHeader + "\n");
        var cents = 10_000_000L; // 100,000.00
        var seq = 0L;
        var position = 0;
        for (var d = 0; d < days; d++)
        {
            var open = Day0.AddDays(d + (d / 5 * 2)); // skip weekends
            for (var m = 0; m < 390; m++)
            {
                var t = open.AddMinutes(m);
                cents += random.Next(-3000, 3100);
                var e = (cents / 100m).ToString(CultureInfo.InvariantCulture);
                var gross = position == 0 ? "0" : "5000";
                equity.Append(CultureInfo.InvariantCulture, $"{Iso(t)},{e},{e},{gross},{gross},0,0,0\n");
                if (m % 30 == 15)
                {
                    var buy = position == 0;
                    position = buy ? 100 : 0;
                    var pnl = buy ? "0" : (random.Next(-500, 600) / 10m).ToString(CultureInfo.InvariantCulture);
                    trades.Append(CultureInfo.InvariantCulture, $"{seq},{Iso(t.AddSeconds(1))},BAC,{(buy ? "BUY" : "SELL")},100,50.25,0.5,{seq},market,,,{position},{pnl}\n");
                }

                seq += 17;
            }
        }

        File.WriteAllText(Path.Combine(dir, "equity.csv"), equity.ToString());
        File.WriteAllText(Path.Combine(dir, "trades.csv"), trades.ToString());
        File.WriteAllText(Path.Combine(dir, "breaches.csv"), BreachesHeader + "\n" + $"5,{Iso(Day0.AddMinutes(5))},BAC,max_position,REDUCING,\"position 1,000 > limit <500> & \"\"more\"\"\"\n");
        File.WriteAllText(Path.Combine(dir, "summary.json"), Summary);
    }
}
