namespace RoboTrader.TestSupport;

/// <summary>A theory that needs the public conformance samples in <c>../shared/conformance</c>: reported skipped (never passed) where the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when the samples are missing.</summary>
    public ConformanceTheoryAttribute()
    {
        Skip = SharedData.ConformanceSkip;
    }
}
