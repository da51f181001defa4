namespace RoboTrader.Engine.MessagePack;

/// <summary>
/// A MessagePack timestamp (extension type −1): seconds since 1970-01-01T00:00:00Z (may be negative) and
/// nanoseconds within the second (0–999,999,999), the pair the spec encodes.
/// </summary>
/// <param name="Seconds">Whole seconds since the Unix epoch.</param>
/// <param name="Nanoseconds">Nanoseconds added to <paramref name="Seconds"/>, at most 999,999,999.</param>
public readonly record struct MessagePackTimestamp(long Seconds, uint Nanoseconds)
{
    /// <summary>The largest valid <see cref="Nanoseconds"/>.</summary>
    public const uint MaxNanoseconds = 999_999_999;

    /// <summary>The extension type the spec reserves for timestamps.</summary>
    public const sbyte ExtensionType = -1;
}
