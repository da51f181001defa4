using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.MessagePack;

/// <summary>
/// Reads MessagePack from a <see cref="ReadOnlySpan{T}"/> without allocating (except <see cref="TryReadString"/>).
/// </summary>
/// <remarks>
/// <para>
/// Error design: every read is <c>bool TryReadX(out T value)</c>. On success it consumes the value and sets
/// <see cref="Error"/> to <see cref="MessagePackError.None"/>; on failure it consumes nothing, sets the out values to
/// default and <see cref="Error"/> to the reason (<see cref="MessagePackErrorExtensions.Describe"/> gives a message).
/// No input, however malformed or truncated, makes the reader read out of range or throw: bounds are checked before
/// every access, and lengths and counts are checked against the bytes that remain (a container that claims more
/// items than bytes remain is <see cref="MessagePackError.Truncated"/>, so a caller may size by a count it was given).
/// </para>
/// <para>
/// Integers: <see cref="TryReadInt64"/> and friends accept every integer format whose value fits the type asked for
/// (else <see cref="MessagePackError.Overflow"/>); they do not accept floats. <see cref="TryReadDouble"/> accepts
/// float 32, float 64 and any integer (exact up to 2^53 in magnitude, rounded to nearest beyond);
/// <see cref="TryReadSingle"/> accepts float 32 only. <see cref="TryReadStringSpan"/> returns the raw UTF-8 bytes
/// (not validated, for the hot path); <see cref="TryReadString"/> validates them and allocates a string.
/// </para>
/// <para>The depth limit applies to <see cref="TrySkip"/> and <see cref="TryReadRaw"/>, which never recurse. A
/// ref struct: one reader per thread, on the stack.</para>
/// </remarks>
public ref partial struct MessagePackReader
{
    /// <summary>The default maximum nesting of containers for <see cref="TrySkip"/>.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The largest maximum depth a reader accepts.</summary>
    public const int MaxSupportedDepth = 256;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _maxDepth;
    private int _position;
    private MessagePackError _error;

    /// <summary>Creates a reader with <see cref="DefaultMaxDepth"/>.</summary>
    /// <param name="buffer">The encoded bytes.</param>
    public MessagePackReader(ReadOnlySpan<byte> buffer)
        : this(buffer, DefaultMaxDepth)
    {
    }

    /// <summary>Creates a reader.</summary>
    /// <param name="buffer">The encoded bytes.</param>
    /// <param name="maxDepth">The deepest nesting of containers <see cref="TrySkip"/> accepts, 1 to <see cref="MaxSupportedDepth"/>.</param>
    public MessagePackReader(ReadOnlySpan<byte> buffer, int maxDepth)
    {
        if (maxDepth is < 1 or > MaxSupportedDepth)
        {
            ThrowHelper.ThrowMaxDepthOutOfRange(maxDepth);
        }

        _buffer = buffer;
        _maxDepth = maxDepth;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Consumed => _position;

    /// <summary>Bytes not yet consumed.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool End => _position >= _buffer.Length;

    /// <summary>The bytes not yet consumed.</summary>
    public readonly ReadOnlySpan<byte> UnreadSpan => _buffer[_position..];

    /// <summary>The outcome of the last <c>TryRead…</c>/<see cref="TrySkip"/> call.</summary>
    public readonly MessagePackError Error => _error;

    /// <summary>The type family of the next value, without consuming it; <see cref="MessagePackType.None"/> at the end.</summary>
    public readonly MessagePackType PeekType()
    {
        if (_position >= _buffer.Length)
        {
            return MessagePackType.None;
        }

        var code = _buffer[_position];
        return code switch
        {
            <= MessagePackCode.MaxPositiveFixInt => MessagePackType.Integer,
            <= MessagePackCode.MaxFixMap => MessagePackType.Map,
            <= MessagePackCode.MaxFixArray => MessagePackType.Array,
            <= MessagePackCode.MaxFixStr => MessagePackType.String,
            MessagePackCode.Nil => MessagePackType.Nil,
            MessagePackCode.NeverUsed => MessagePackType.Invalid,
            MessagePackCode.False or MessagePackCode.True => MessagePackType.Boolean,
            >= MessagePackCode.Bin8 and <= MessagePackCode.Bin32 => MessagePackType.Binary,
            >= MessagePackCode.Ext8 and <= MessagePackCode.Ext32 => MessagePackType.Extension,
            MessagePackCode.Float32 or MessagePackCode.Float64 => MessagePackType.Float,
            >= MessagePackCode.UInt8 and <= MessagePackCode.Int64 => MessagePackType.Integer,
            >= MessagePackCode.FixExt1 and <= MessagePackCode.FixExt16 => MessagePackType.Extension,
            >= MessagePackCode.Str8 and <= MessagePackCode.Str32 => MessagePackType.String,
            MessagePackCode.Array16 or MessagePackCode.Array32 => MessagePackType.Array,
            MessagePackCode.Map16 or MessagePackCode.Map32 => MessagePackType.Map,
            _ => MessagePackType.Integer,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Succeed()
    {
        _error = MessagePackError.None;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Fail(MessagePackError error)
    {
        _error = error;
        return false;
    }

    private static MessagePackError TypeError(byte code)
        => code == MessagePackCode.NeverUsed ? MessagePackError.ReservedByte : MessagePackError.UnexpectedType;
}
