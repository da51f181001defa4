using System.Diagnostics;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>
/// Waits for a condition with a generous deadline. The deadline only turns a hang into a failure with a message; no
/// test asserts on elapsed time.
/// </summary>
internal static class Eventually
{
    /// <summary>How long any wait in the ring tests may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static void Until(Func<bool> condition, string whatWeWaitFor)
    {
        var stopwatch = Stopwatch.StartNew();
        var spin = default(SpinWait);
        while (!condition())
        {
            if (stopwatch.Elapsed > Timeout)
            {
                Assert.Fail($"timed out after {Timeout.TotalSeconds:F0} s waiting for: {whatWeWaitFor}");
            }

            spin.SpinOnce();
        }
    }

    public static void Join(Thread thread, string what)
    {
        if (!thread.Join(Timeout))
        {
            Assert.Fail($"{what} did not finish within {Timeout.TotalSeconds:F0} s (hang)");
        }
    }
}
