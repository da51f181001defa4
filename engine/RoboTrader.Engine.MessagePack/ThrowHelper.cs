using System.Diagnostics.CodeAnalysis;

namespace RoboTrader.Engine.MessagePack;

/// <summary>Throws from a method of its own so that callers on the hot path stay small.</summary>
/// <remarks>Only caller mistakes throw (a negative count, nanoseconds out of range); bad input data never does.</remarks>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNegativeCount(string paramName, int count)
        => throw new ArgumentOutOfRangeException(paramName, count, "a MessagePack array or map count cannot be negative");

    [DoesNotReturn]
    public static void ThrowNanosecondsOutOfRange(uint nanoseconds)
        => throw new ArgumentOutOfRangeException(nameof(nanoseconds), nanoseconds, "a MessagePack timestamp's nanoseconds must be at most 999999999");

    [DoesNotReturn]
    public static void ThrowMaxDepthOutOfRange(int maxDepth)
        => throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, $"the maximum depth must be between 1 and {MessagePackReader.MaxSupportedDepth}");

    [DoesNotReturn]
    public static void ThrowBufferWriterTooSmall(int requested, int returned)
        => throw new InvalidOperationException($"IBufferWriter<byte>.GetSpan({requested}) returned only {returned} bytes, breaking its contract");
}
