using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Parsing;

/// <summary>Walks the comma-separated fields of one line without allocating.</summary>
internal ref struct CsvFieldReader
{
    private ReadOnlySpan<byte> _rest;
    private bool _done;

    public CsvFieldReader(ReadOnlySpan<byte> line)
    {
        _rest = line;
        _done = false;
    }

    /// <summary>The next field; false when the line has no more fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_done)
        {
            field = default;
            return false;
        }

        var comma = _rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = _rest;
            _done = true;
            return true;
        }

        field = _rest[..comma];
        _rest = _rest[(comma + 1)..];
        return true;
    }

    /// <summary>True when every field has been read.</summary>
    public readonly bool AtEnd => _done;

    /// <summary>Parses a non-negative decimal integer of ASCII digits only; false on empty, junk or overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDigits(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.IsEmpty || field.Length > 18)
        {
            return false; // 18 digits always fit in a long
        }

        long v = 0;
        foreach (var b in field)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            v = (v * 10) + d;
        }

        value = v;
        return true;
    }

    /// <summary>Parses 1 to 16 ASCII hexadecimal digits (either case) into a 64-bit value; false on empty or junk.</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.IsEmpty || field.Length > 16)
        {
            return false;
        }

        ulong v = 0;
        foreach (var b in field)
        {
            uint d;
            if ((d = (uint)(b - '0')) <= 9)
            {
            }
            else if ((d = (uint)((b | 0x20) - 'a')) <= 5)
            {
                d += 10;
            }
            else
            {
                return false;
            }

            v = (v << 4) | d;
        }

        value = unchecked((long)v);
        return true;
    }
}
