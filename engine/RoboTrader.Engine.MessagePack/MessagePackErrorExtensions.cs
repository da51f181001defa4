namespace RoboTrader.Engine.MessagePack;

/// <summary>Messages for <see cref="MessagePackError"/> values.</summary>
public static class MessagePackErrorExtensions
{
    /// <summary>A one-line description of the error (a constant string: no allocation).</summary>
    public static string Describe(this MessagePackError error) => error switch
    {
        MessagePackError.None => "no error",
        MessagePackError.Truncated => "MessagePack input is truncated: the value needs more bytes than remain",
        MessagePackError.UnexpectedType => "the next MessagePack value is not of the type asked for",
        MessagePackError.Overflow => "the MessagePack integer does not fit the type asked for",
        MessagePackError.InvalidUtf8 => "the MessagePack string is not valid UTF-8",
        MessagePackError.DepthExceeded => "MessagePack containers are nested deeper than the reader's maximum depth",
        MessagePackError.ReservedByte => "the MessagePack input holds the reserved byte 0xc1",
        MessagePackError.InvalidTimestamp => "the MessagePack timestamp has a bad length or nanoseconds over 999999999",
        _ => "unknown MessagePack error",
    };
}
