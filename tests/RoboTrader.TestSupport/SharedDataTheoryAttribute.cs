namespace RoboTrader.TestSupport;

/// <summary>A theory that needs <c>../shared</c>: reported skipped (never passed) where the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when the shared data is missing.</summary>
    public SharedDataTheoryAttribute()
    {
        if (SharedData.LeanDataRoot is null || SharedData.ConformanceRoot is null)
        {
            Skip = "../shared (LEAN data and conformance samples) is not beside this checkout";
        }
    }
}
