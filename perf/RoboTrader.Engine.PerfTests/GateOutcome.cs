namespace RoboTrader.Engine.PerfTests;

/// <summary>A gate scenario as measured in one run.</summary>
/// <param name="Entry">The baseline entry it was checked against.</param>
/// <param name="Rate">The scenario's best rate (events per second).</param>
/// <param name="ReferenceRate">The reference's best rate in the same run.</param>
/// <param name="Ratio">Rate ÷ reference rate (0 when the reference measured nothing).</param>
/// <param name="Passed">True when <paramref name="Ratio"/> is at least the entry's floor.</param>
public sealed record GateOutcome(GateEntry Entry, double Rate, double ReferenceRate, double Ratio, bool Passed);
