namespace RoboTrader.TestSupport;

/// <summary>A fact that needs headless Chromium (<c>/usr/bin/chromium</c>, installed by .ci/run): reported skipped (never passed) where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when Chromium is missing.</summary>
    public ChromiumFactAttribute()
    {
        Skip = SharedData.ChromiumSkip;
    }
}
