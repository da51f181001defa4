using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Persistence;

/// <summary>Formats one CSV row into a caller's buffer, field by field: exact decimals, ISO times, no allocation.</summary>
public ref struct CsvRow
{
    /// <summary>The bytes that make RFC 4180 enclose a field in double quotes.</summary>
    private static readonly SearchValues<byte> s_needsQuotes = SearchValues.Create(",\"\r\n"u8);

    private readonly Span<byte> _buffer;
    private int _length;
    private bool _first;

    /// <summary>Starts a row in <paramref name="buffer"/>.</summary>
    public CsvRow(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
        _first = true;
    }

    /// <summary>The row so far, with its newline once <see cref="End"/> was called.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>An integer field.</summary>
    public void Integer(long value)
    {
        Separate();
        Utf8Formatter.TryFormat(value, _buffer[_length..], out var n);
        _length += n;
    }

    /// <summary>An exact decimal field from a fixed-point raw value.</summary>
    public void Decimal(Int128 raw)
    {
        Separate();
        _length += FixedPoint.FormatUtf8(raw, _buffer[_length..]);
    }

    /// <summary>An exact decimal field, empty when <paramref name="present"/> is false.</summary>
    public void DecimalOrEmpty(bool present, long raw)
    {
        if (present)
        {
            Decimal(raw);
        }
        else
        {
            Separate();
        }
    }

    /// <summary>An ISO 8601 UTC time field.</summary>
    public void Time(long utcNanos)
    {
        Separate();
        _length += EventTime.WriteIso(utcNanos, _buffer[_length..]);
    }

    /// <summary>A text field (ASCII, no separators in it).</summary>
    public void Text(ReadOnlySpan<byte> text)
    {
        Separate();
        text.CopyTo(_buffer[_length..]);
        _length += text.Length;
    }

    /// <summary>
    /// A field that <paramref name="write"/> formats from <paramref name="state"/> straight into the row, then quoted as
    /// RFC 4180 requires: when it holds a comma, a double quote, CR or LF it is enclosed in double quotes and its double
    /// quotes are doubled; otherwise it stays as written.
    /// </summary>
    /// <remarks>The formatter gets all the room left in the row; the quoted field needs two bytes more than the field plus one per double quote in it.</remarks>
    public void Field<TState>(in TState state, CsvFieldWriter<TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Separate();
        var start = _length;
        _length += write(in state, _buffer[start..]);
        if (_buffer[start.._length].ContainsAny(s_needsQuotes))
        {
            Quote(start);
        }
    }

    /// <summary>Ends the row with a newline.</summary>
    public void End() => _buffer[_length++] = (byte)'\n';

    /// <summary>Encloses the field from <paramref name="start"/> to the end of the row in double quotes, doubling those in it.</summary>
    private void Quote(int start)
    {
        var quotes = _buffer[start.._length].Count((byte)'"');
        var end = _length + quotes + 2;
        if (end > _buffer.Length)
        {
            ThrowRowTooLong(end);
        }

        // Move the field right from its last byte back, so no byte is overwritten before it is read: the write
        // position stays ahead of the read position by one plus the quotes still to double.
        var to = end - 1;
        _buffer[to--] = (byte)'"';
        for (var from = _length - 1; from >= start; from--)
        {
            var b = _buffer[from];
            _buffer[to--] = b;
            if (b == (byte)'"')
            {
                _buffer[to--] = (byte)'"';
            }
        }

        _buffer[to] = (byte)'"';
        _length = end;
    }

    [DoesNotReturn]
    private readonly void ThrowRowTooLong(int needed)
        => throw new ArgumentException($"The CSV row needs {needed} bytes; its buffer has {_buffer.Length}.");

    private void Separate()
    {
        if (!_first)
        {
            _buffer[_length++] = (byte)',';
        }

        _first = false;
    }
}
