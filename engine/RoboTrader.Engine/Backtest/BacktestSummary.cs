using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Backtest;

/// <summary>The outcome of a backtest, as written to summary.json.</summary>
public sealed record BacktestSummary
{
    /// <summary>Input rows (frames) read.</summary>
    public required long Events { get; init; }

    /// <summary>Trade ticks parsed.</summary>
    public required long Trades { get; init; }

    /// <summary>Quote ticks parsed.</summary>
    public required long Quotes { get; init; }

    /// <summary>Trade and quote bars parsed.</summary>
    public required long Bars { get; init; }

    /// <summary>Events flagged suspicious by the vendor.</summary>
    public required long Suspicious { get; init; }

    /// <summary>Frames parsed at the strict level.</summary>
    public required long ParsedStrict { get; init; }

    /// <summary>Frames parsed at the lenient level.</summary>
    public long ParsedLenient { get; init; }

    /// <summary>Frames parsed at the basic level (partial events).</summary>
    public long ParsedBasic { get; init; }

    /// <summary>
    /// Frames no parser level understood (dead-lettered with their bytes); with the three parsed counts it accounts
    /// for every ingested frame. Frames a later stage faulted on are dead-lettered too, but counted in
    /// <see cref="StageFaults"/>, not here.
    /// </summary>
    public required long DeadLettered { get; init; }

    /// <summary>Signals parsed from task inputs.</summary>
    public long Signals { get; init; }

    /// <summary>Operator commands parsed (strict only).</summary>
    public long Commands { get; init; }

    /// <summary>Operator commands the risk stage applied (halt, resume, a valid set_limit).</summary>
    public long CommandsApplied { get; init; }

    /// <summary>Operator commands the risk stage refused (an invalid limit value); they changed nothing.</summary>
    public long CommandsRefused { get; init; }

    /// <summary>Counts per source: its name, format, and frames per level.</summary>
    public IReadOnlyList<SourceParseCounts> Sources { get; init; } = [];

    /// <summary>Stage faults recorded.</summary>
    public required long StageFaults { get; init; }

    /// <summary>Orders created (filled or cancelled at the end).</summary>
    public required long Orders { get; init; }

    /// <summary>Orders cancelled at the end of the data.</summary>
    public required long OrdersCancelled { get; init; }

    /// <summary>Fills.</summary>
    public required long Fills { get; init; }

    /// <summary>Intents refused by the risk envelope.</summary>
    public required long RiskRefused { get; init; }

    /// <summary>Intents clamped by the risk envelope.</summary>
    public required long RiskClamped { get; init; }

    /// <summary>Signed position per upper-case symbol, in symbol order.</summary>
    public required IReadOnlyList<KeyValuePair<string, Quantity>> Positions { get; init; }

    /// <summary>Realized PnL by average cost, before fees.</summary>
    public required Money RealizedPnl { get; init; }

    /// <summary>Unrealized PnL marked at each symbol's last trade.</summary>
    public required Money UnrealizedPnl { get; init; }

    /// <summary>Fees paid.</summary>
    public required Money Fees { get; init; }

    /// <summary>Why the kill switch is engaged at the end, or null.</summary>
    public required string? KillSwitch { get; init; }

    /// <summary>The trading state at the end: ACTIVE, REDUCING or HALTED.</summary>
    public string TradingState { get; init; } = "ACTIVE";

    /// <summary>Risk breaches recorded per rule (every rule, in rule order; the rows of breaches.csv).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Breaches { get; init; } = [];

    /// <summary>The stage placement used.</summary>
    public required string Placement { get; init; }

    /// <summary>Frames appended to the input journal (0 without one).</summary>
    public long Journaled { get; init; }

    /// <summary>Records appended to the ledger (0 without one).</summary>
    public long LedgerRecords { get; init; }

    /// <summary>Wall time of the run (input read to last stage done).</summary>
    public required double ElapsedMilliseconds { get; init; }

    /// <summary>Descriptive parameters of the run.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; }

    /// <summary>Realized + unrealized − fees.</summary>
    public Money NetPnl => RealizedPnl + UnrealizedPnl - Fees;

    /// <summary>Events per second of wall time.</summary>
    public double EventsPerSecond => ElapsedMilliseconds <= 0 ? 0 : Events / (ElapsedMilliseconds / 1000.0);
}
