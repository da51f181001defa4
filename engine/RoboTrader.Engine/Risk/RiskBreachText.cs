using System.Text;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// The one-line detail of a breach (no commas, so it is a plain CSV field): for an order, <c>refused|clamped SIDE qty:</c>
/// and what the rule saw (<c>allowed 50</c>, <c>price 12 beyond band edge 11</c>, <c>reference age 31s limit 30s</c>,
/// ...); for a portfolio breach, the measure and the limit (<c>loss 2500 limit 2500</c>, <c>drawdown 5% limit 5%</c>).
/// </summary>
public static class RiskBreachText
{
    /// <summary>Enough room for any detail.</summary>
    public const int MaxLength = 256;

    /// <summary>Writes the detail of <paramref name="breach"/> as ASCII into <paramref name="destination"/>; returns its length.</summary>
    public static int Format(in RiskBreach breach, Span<byte> destination)
    {
        var w = new Writer(destination);
        if (breach.Side != Side.None)
        {
            w.Text(breach.Clamped ? "clamped " : "refused ");
            w.Text(breach.Side == Side.Buy ? "BUY " : "SELL ");
            w.Number(breach.Quantity);
            w.Text(": ");
        }

        switch (breach.Rule)
        {
            case RiskRule.Halted:
                w.Text("trading HALTED");
                break;
            case RiskRule.NoReference:
                w.Text("no trade yet");
                break;
            case RiskRule.ReduceOnly:
                w.Pair("reduce-only allows", breach.Limit, null, null);
                break;
            case RiskRule.MaxOrderNotional:
                w.Pair("notional", breach.Observed, "limit", breach.Limit);
                break;
            case RiskRule.PriceBand or RiskRule.MidBand:
                w.Pair("price", breach.Observed, "beyond band edge", breach.Limit);
                break;
            case RiskRule.StaleData:
                w.Pair("reference age", breach.Observed, "s limit", breach.Limit);
                w.Text("s");
                break;
            case RiskRule.CrossedQuote:
                w.Pair("bid", breach.Observed, ">= ask", breach.Limit);
                break;
            case RiskRule.OrderRate or RiskRule.SymbolOrderRate:
                w.Pair("tokens", breach.Observed, "burst", breach.Limit);
                break;
            case RiskRule.DailyLossLimit:
                w.Pair("loss", breach.Observed, "limit", breach.Limit);
                break;
            case RiskRule.MaxDrawdownPercent:
                w.Pair("drawdown", breach.Observed, "% limit", breach.Limit);
                w.Text("%");
                break;
            case RiskRule.MaxGrossExposure when breach.Side == Side.None:
                w.Pair("gross exposure", breach.Observed, "limit", breach.Limit);
                break;
            case RiskRule.MaxNetExposure when breach.Side == Side.None:
                w.Pair("net exposure", breach.Observed, "limit", breach.Limit);
                break;
            case RiskRule.MaxPortfolioRiskPercent when breach.Side == Side.None:
                if (breach.Observed == long.MaxValue)
                {
                    w.Text("exposure with equity <= 0 limit ");
                    w.Number(breach.Limit);
                    w.Text("%");
                }
                else
                {
                    w.Pair("gross/equity", breach.Observed, "% limit", breach.Limit);
                    w.Text("%");
                }

                break;
            default:
                w.Pair("allowed", breach.Limit, null, null);
                break;
        }

        return w.Length;
    }

    /// <summary>The detail as a string (tests, rare paths).</summary>
    public static string ToString(in RiskBreach breach)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(buffer[..Format(in breach, buffer)]);
    }

    private ref struct Writer(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Length { get; private set; }

        public void Text(string text)
        {
            foreach (var c in text)
            {
                _destination[Length++] = (byte)c;
            }
        }

        public void Number(long raw) => Length += FixedPoint.FormatUtf8(raw, _destination[Length..]);

        public void Pair(string first, long a, string? second, long? b)
        {
            Text(first);
            Text(" ");
            Number(a);
            if (second is not null)
            {
                Text(second[0] == 's' || second[0] == '%' ? string.Empty : " ");
                Text(second);
                Text(" ");
                Number(b!.Value);
            }
        }
    }
}
