using System.Text.Json;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Backtest;

/// <summary>
/// Writes <see cref="BacktestSummary"/> as summary.json: snake_case keys in a fixed order, money as exact decimal
/// strings, positions as exact JSON numbers. Everything but <c>elapsed_ms</c> and <c>events_per_sec</c> is a pure
/// function of the input and configuration.
/// </summary>
public static class SummaryJson
{
    /// <summary>Writes the summary to <paramref name="path"/>.</summary>
    public static void Write(BacktestSummary summary, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        Write(summary, stream);
    }

    /// <summary>Writes the summary to <paramref name="stream"/>.</summary>
    public static void Write(BacktestSummary summary, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("events", summary.Events);
        json.WriteNumber("trades", summary.Trades);
        json.WriteNumber("quotes", summary.Quotes);
        json.WriteNumber("bars", summary.Bars);
        json.WriteNumber("suspicious", summary.Suspicious);
        json.WriteNumber("signals", summary.Signals);
        json.WriteNumber("commands", summary.Commands);
        json.WriteNumber("commands_applied", summary.CommandsApplied);
        json.WriteNumber("commands_refused", summary.CommandsRefused);
        json.WriteNumber("parsed_strict", summary.ParsedStrict);
        json.WriteNumber("parsed_lenient", summary.ParsedLenient);
        json.WriteNumber("parsed_basic", summary.ParsedBasic);
        json.WriteNumber("dead_lettered", summary.DeadLettered);
        json.WriteNumber("stage_faults", summary.StageFaults);
        json.WriteNumber("orders", summary.Orders);
        json.WriteNumber("orders_cancelled", summary.OrdersCancelled);
        json.WriteNumber("fills", summary.Fills);
        json.WriteNumber("risk_refused", summary.RiskRefused);
        json.WriteNumber("risk_clamped", summary.RiskClamped);
        json.WriteStartObject("positions");
        foreach (var (symbol, quantity) in summary.Positions)
        {
            json.WritePropertyName(symbol);
            json.WriteRawValue(quantity.ToString(), skipInputValidation: false);
        }

        json.WriteEndObject();
        json.WriteStartArray("sources");
        foreach (var source in summary.Sources)
        {
            json.WriteStartObject();
            json.WriteString("name", source.Name);
            json.WriteString("format", source.Format.ToString());
            json.WriteNumber("parsed_strict", source.ParsedStrict);
            json.WriteNumber("parsed_lenient", source.ParsedLenient);
            json.WriteNumber("parsed_basic", source.ParsedBasic);
            json.WriteNumber("dead_lettered", source.DeadLettered);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("realized_pnl", summary.RealizedPnl.ToString());
        json.WriteString("unrealized_pnl", summary.UnrealizedPnl.ToString());
        json.WriteString("fees", summary.Fees.ToString());
        json.WriteString("net_pnl", summary.NetPnl.ToString());
        json.WriteNumber("journaled", summary.Journaled);
        json.WriteNumber("ledger_records", summary.LedgerRecords);
        json.WriteString("kill_switch", summary.KillSwitch);
        json.WriteString("trading_state", summary.TradingState);
        json.WriteStartObject("breaches");
        foreach (var (rule, count) in summary.Breaches)
        {
            json.WriteNumber(rule, count);
        }

        json.WriteEndObject();
        json.WriteString("placement", summary.Placement);
        json.WriteStartObject("parameters");
        foreach (var (key, value) in summary.Parameters)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteNumber("elapsed_ms", Math.Round(summary.ElapsedMilliseconds, 3));
        json.WriteNumber("events_per_sec", Math.Round(summary.EventsPerSecond));
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
