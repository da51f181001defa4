namespace RoboTrader.TestSupport;

/// <summary>A fact that needs <c>../shared</c>: reported skipped (never passed) where the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when the shared data is missing.</summary>
    public SharedDataFactAttribute()
    {
        if (SharedData.LeanDataRoot is null || SharedData.ConformanceRoot is null)
        {
            Skip = "../shared (LEAN data and conformance samples) is not beside this checkout";
        }
    }
}
