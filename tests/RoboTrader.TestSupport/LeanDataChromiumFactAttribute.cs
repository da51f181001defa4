namespace RoboTrader.TestSupport;

/// <summary>A fact that needs both the real LEAN data and headless Chromium: reported skipped (never passed) where either is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LeanDataChromiumFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when the data or Chromium is missing.</summary>
    public LeanDataChromiumFactAttribute()
    {
        Skip = SharedData.LeanDataSkip ?? SharedData.ChromiumSkip;
    }
}
