using System.Diagnostics.CodeAnalysis;

namespace RoboTrader.Engine.Ring;

/// <summary>Throws from a method of its own so that callers on the hot path stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowClaimOutOfRange(int n, int bufferSize)
        => throw new ArgumentOutOfRangeException(nameof(n), n, $"a claim must be between 1 and the ring size {bufferSize}");

    [DoesNotReturn]
    public static void ThrowAlreadyRunning()
        => throw new InvalidOperationException("the event processor is already running");
}
