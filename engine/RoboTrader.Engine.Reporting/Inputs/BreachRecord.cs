namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>One row of breaches.csv: a risk limit that tripped (or a trading-state change it caused).</summary>
/// <param name="Sequence">Ring sequence of the event that caused it.</param>
/// <param name="TimeNanos">Event time, UTC nanoseconds since the Unix epoch.</param>
/// <param name="Symbol">Ticker, or empty for a portfolio-wide rule.</param>
/// <param name="Rule">The rule that tripped.</param>
/// <param name="State">The trading state after it.</param>
/// <param name="Detail">What happened, for a person.</param>
public sealed record BreachRecord(long Sequence, long TimeNanos, string Symbol, string Rule, string State, string Detail);
