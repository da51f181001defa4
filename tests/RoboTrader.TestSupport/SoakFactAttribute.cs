namespace RoboTrader.TestSupport;

/// <summary>A long soak or stress test: runs only when <c>ROBOTRADER_SOAK=1</c> and the real LEAN data is beside the checkout; reported skipped otherwise (CI stays well under its time budget).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SoakFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> unless the soak is asked for and possible.</summary>
    public SoakFactAttribute()
    {
        Skip = Environment.GetEnvironmentVariable("ROBOTRADER_SOAK") == "1" ? SharedData.LeanDataSkip : "opt-in soak test: set ROBOTRADER_SOAK=1";
    }
}
