namespace RoboTrader.TestSupport;

/// <summary>A theory that needs the real LEAN data in <c>../shared/data/lean</c>: reported skipped (never passed) where the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LeanDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when the shared data is missing.</summary>
    public LeanDataTheoryAttribute()
    {
        Skip = SharedData.LeanDataSkip;
    }
}
