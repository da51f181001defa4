using System.Buffers.Text;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Persistence;

/// <summary>Formats one CSV row into a caller's buffer, field by field: exact decimals, ISO times, no allocation.</summary>
public ref struct CsvRow
{
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

    /// <summary>Ends the row with a newline.</summary>
    public void End() => _buffer[_length++] = (byte)'\n';

    private void Separate()
    {
        if (!_first)
        {
            _buffer[_length++] = (byte)',';
        }

        _first = false;
    }
}
