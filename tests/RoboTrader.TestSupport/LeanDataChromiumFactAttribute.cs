namespace RoboTrader.TestSupport;

/// <summary>
/// A fact that needs both the real LEAN data in <c>../shared/data/lean</c> and headless Chromium: reported skipped
/// (never passed) where either is absent.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LeanDataChromiumFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when the data or Chromium is missing.</summary>
    public LeanDataChromiumFactAttribute()
    {
        if (SharedData.LeanDataRoot is null)
        {
            Skip = "../shared/data/lean (real LEAN data) is not beside this checkout";
        }
        else if (!File.Exists(HeadlessChromium.ExecutablePath))
        {
            Skip = HeadlessChromium.ExecutablePath + " is not installed (.ci/run installs it: apt-get install chromium)";
        }
    }
}
