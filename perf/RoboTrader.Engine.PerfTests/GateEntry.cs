namespace RoboTrader.Engine.PerfTests;

/// <summary>One scenario of the perf gate's baseline: its committed ratio to a reference measured in the same run, and
/// the fraction of that ratio below which the gate fails.</summary>
/// <param name="Scenario">What is measured (a <see cref="GateScenarios"/> name).</param>
/// <param name="Per">The reference it is divided by (one of <see cref="GateScenarios.References"/>).</param>
/// <param name="Ratio">The committed ratio, scenario ÷ reference.</param>
/// <param name="Tolerance">The gate fails when the measured ratio is below <see cref="Floor"/> = tolerance × ratio.</param>
public sealed record GateEntry(string Scenario, string Per, double Ratio, double Tolerance)
{
    /// <summary>The lowest ratio that passes.</summary>
    public double Floor => Ratio * Tolerance;

    /// <summary>The verdict on a measured pair of rates (events per second).</summary>
    public GateOutcome Check(double rate, double referenceRate)
    {
        var ratio = referenceRate > 0 ? rate / referenceRate : 0;
        return new GateOutcome(this, rate, referenceRate, ratio, ratio >= Floor);
    }
}
