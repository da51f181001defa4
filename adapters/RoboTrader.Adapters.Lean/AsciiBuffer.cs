using System.Buffers.Text;

namespace RoboTrader.Adapters.Lean;

/// <summary>A growable ASCII byte buffer for writing CSV without strings or culture: integers, characters, separators.</summary>
internal sealed class AsciiBuffer
{
    private byte[] _bytes;
    private int _length;

    /// <summary>Creates the buffer.</summary>
    public AsciiBuffer(int capacity = 1 << 16) => _bytes = new byte[capacity];

    /// <summary>What was written.</summary>
    public ReadOnlySpan<byte> Written => new(_bytes, 0, _length);

    /// <summary>Bytes written.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written (keeps the memory).</summary>
    public void Clear() => _length = 0;

    /// <summary>Appends the decimal digits of <paramref name="value"/>.</summary>
    public AsciiBuffer Append(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _bytes.AsSpan(_length), out var written);
        _length += written;
        return this;
    }

    /// <summary>Appends one ASCII character.</summary>
    public AsciiBuffer Append(char c)
    {
        Ensure(1);
        _bytes[_length++] = (byte)c;
        return this;
    }

    /// <summary>Appends ',' then <paramref name="value"/>.</summary>
    public AsciiBuffer Field(long value) => Append(',').Append(value);

    /// <summary>Appends ',' then <paramref name="c"/>.</summary>
    public AsciiBuffer Field(char c) => Append(',').Append(c);

    private void Ensure(int extra)
    {
        if (_length + extra > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + extra));
        }
    }
}
