using System.Buffers;
using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.MessagePack;

/// <summary>
/// Writes MessagePack into a caller's <see cref="Span{T}"/> or an <see cref="IBufferWriter{T}"/>, always choosing the
/// smallest format the spec allows for the value (integers, string/binary/extension lengths, container counts).
/// Allocation-free.
/// </summary>
/// <remarks>
/// <para>
/// Error design (span mode): a value that does not fit in the remaining room is not written at all, and the
/// writer becomes <see cref="HasOverflowed"/>: every later write is ignored too, so a record is never half-encoded
/// silently. Write the whole record, then check <see cref="HasOverflowed"/> once (an error value, not an exception,
/// so the hot path stays small). WARNING: the bytes of an overflowed writer must not be used.
/// </para>
/// <para>
/// Buffer-writer mode never overflows: it asks the <see cref="IBufferWriter{T}"/> for room per value and
/// <see cref="Flush"/> must be called at the end to advance it past the last bytes written.
/// </para>
/// <para>
/// Only caller mistakes throw (a negative count, timestamp nanoseconds over 999,999,999). Floats are written as
/// given: <see cref="WriteSingle"/> always float 32, <see cref="WriteDouble"/> always float 64 (never narrowed).
/// Not thread-safe: one writer per thread.
/// </para>
/// </remarks>
public ref partial struct MessagePackWriter
{
    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _span;
    private int _buffered;
    private long _committed;
    private bool _overflowed;

    /// <summary>Creates a writer into a fixed span.</summary>
    /// <param name="destination">Where to write; <see cref="BytesWritten"/> says how much of it was used.</param>
    public MessagePackWriter(Span<byte> destination)
    {
        _span = destination;
    }

    /// <summary>Creates a writer into a buffer writer; call <see cref="Flush"/> when done.</summary>
    /// <param name="output">The destination.</param>
    public MessagePackWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Bytes written so far (in buffer-writer mode, including bytes not yet flushed).</summary>
    public readonly long BytesWritten => _committed + _buffered;

    /// <summary>True once a value did not fit in the destination span; the output is then incomplete and unusable.</summary>
    public readonly bool HasOverflowed => _overflowed;

    /// <summary>In buffer-writer mode, advances the buffer writer past the bytes written; in span mode, does nothing.</summary>
    public void Flush()
    {
        if (_output is not null && _buffered > 0)
        {
            _output.Advance(_buffered);
            _committed += _buffered;
            _buffered = 0;
            _span = default;
        }
    }

    /// <summary>Writes nil (<c>0xc0</c>).</summary>
    public void WriteNil() => WriteCode(MessagePackCode.Nil);

    /// <summary>Writes false (<c>0xc2</c>) or true (<c>0xc3</c>).</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteCode(value ? MessagePackCode.True : MessagePackCode.False);

    /// <summary>Copies bytes that are already MessagePack (one or more whole values) to the output as they are.</summary>
    /// <param name="encoded">The encoded bytes.</param>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        var span = GetSpan(encoded.Length);
        if (span.Length < encoded.Length)
        {
            return;
        }

        encoded.CopyTo(span);
        _buffered += encoded.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteCode(byte code)
    {
        var span = GetSpan(1);
        if (span.Length < 1)
        {
            return;
        }

        span[0] = code;
        _buffered++;
    }

    /// <summary>Room for <paramref name="size"/> bytes, or an empty span once overflowed (span mode).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> GetSpan(int size)
    {
        var free = _span[_buffered..];
        return free.Length >= size && !_overflowed ? free : GetSpanSlow(size);
    }

    private Span<byte> GetSpanSlow(int size)
    {
        if (_overflowed || _output is null)
        {
            _overflowed = true;
            return default;
        }

        if (_buffered > 0)
        {
            _output.Advance(_buffered);
            _committed += _buffered;
            _buffered = 0;
        }

        _span = _output.GetSpan(size);
        if (_span.Length < size)
        {
            ThrowHelper.ThrowBufferWriterTooSmall(size, _span.Length);
        }

        return _span;
    }
}
