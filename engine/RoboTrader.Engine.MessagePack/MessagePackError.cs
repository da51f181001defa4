namespace RoboTrader.Engine.MessagePack;

/// <summary>
/// Why the last <c>TryRead…</c> call of a <see cref="MessagePackReader"/> failed. A failed call consumes nothing.
/// <see cref="MessagePackErrorExtensions.Describe"/> gives a one-line message.
/// </summary>
public enum MessagePackError : byte
{
    /// <summary>The last call succeeded.</summary>
    None = 0,

    /// <summary>The input ends inside the value (or before it), or a container claims more items than bytes remain.</summary>
    Truncated,

    /// <summary>The next value is of a different type family than the one asked for.</summary>
    UnexpectedType,

    /// <summary>The value is an integer that does not fit the type asked for.</summary>
    Overflow,

    /// <summary>A string that was to be decoded to UTF-16 is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>Containers are nested deeper than the reader's maximum depth.</summary>
    DepthExceeded,

    /// <summary>The next byte is <c>0xc1</c>, reserved by the spec ("never used").</summary>
    ReservedByte,

    /// <summary>A timestamp extension (type −1) has a data length other than 4, 8 or 12, or nanoseconds over 999,999,999.</summary>
    InvalidTimestamp,
}
