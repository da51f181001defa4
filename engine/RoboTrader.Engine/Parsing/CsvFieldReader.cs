using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RoboTrader.Engine.Parsing;

/// <summary>Walks the comma-separated fields of one line without allocating.</summary>
internal ref struct CsvFieldReader
{
    private const int Block = 64;

    private readonly ReadOnlySpan<byte> _line;
    private int _start;
    private int _blockBase;
    private ulong _commas;
    private bool _done;

    /// <summary>Starts reading <paramref name="line"/>.</summary>
    public CsvFieldReader(ReadOnlySpan<byte> line)
    {
        _line = line;
        _start = 0;
        _blockBase = 0;
        _commas = Commas(line);
        _done = false;
    }

    /// <summary>The next field (the rest of the line after the last comma); false after the last field.</summary>
    /// <remarks>
    /// The commas of each 64-byte block are found with two or four vector compares into one bit mask, once per block,
    /// and each field then costs a trailing-zero count: a LEAN line (40–60 bytes, 6–7 fields) is one block, where a
    /// search per field made 6–7 calls into the span search.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_done)
        {
            field = default;
            return false;
        }

        while (_commas == 0)
        {
            var next = _blockBase + Block;
            if (next >= _line.Length)
            {
                field = _line[_start..];
                _done = true;
                return true;
            }

            _blockBase = next;
            _commas = Commas(_line[next..]);
        }

        var comma = _blockBase + BitOperations.TrailingZeroCount(_commas);
        _commas &= _commas - 1;
        field = _line[_start..comma];
        _start = comma + 1;
        return true;
    }

    /// <summary>Bit i set when byte i of the first 64 bytes of <paramref name="bytes"/> is a comma.</summary>
    /// <remarks>Shorter inputs use two overlapping loads (first and last 32 or 16 bytes), never a read past the end.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Commas(ReadOnlySpan<byte> bytes)
    {
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var length = bytes.Length;
        if (Vector256.IsHardwareAccelerated && length >= 32)
        {
            var comma = Vector256.Create((byte)',');
            if (length >= Block)
            {
                var low = Vector256.Equals(Vector256.LoadUnsafe(ref start), comma).ExtractMostSignificantBits();
                var high = Vector256.Equals(Vector256.LoadUnsafe(ref start, 32), comma).ExtractMostSignificantBits();
                return low | ((ulong)high << 32);
            }

            var first = (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref start), comma).ExtractMostSignificantBits();
            var last = (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(length - 32)), comma).ExtractMostSignificantBits();
            return first | (last << (length - 32));
        }

        if (Vector128.IsHardwareAccelerated && length >= 16 && length < 32)
        {
            var comma = Vector128.Create((byte)',');
            var first = (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref start), comma).ExtractMostSignificantBits();
            var last = (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)(length - 16)), comma).ExtractMostSignificantBits();
            return first | (last << (length - 16));
        }

        ulong mask = 0;
        var n = Math.Min(length, Block);
        for (var i = 0; i < n; i++)
        {
            if (Unsafe.Add(ref start, i) == (byte)',')
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    /// <summary>True once the last field has been read.</summary>
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
