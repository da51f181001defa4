using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// LEB128 variable-length integers (7 bits a byte, low group first, the high bit set on every byte but the last) and
/// zigzag signed mapping, for <see cref="JournalDeltaEncoder"/>'s blocks.
/// </summary>
public static class JournalVarint
{
    /// <summary>The longest encoding of a 64-bit value.</summary>
    public const int MaxLength = 10;

    /// <summary>Maps a signed value to an unsigned one with small magnitudes small: 0, -1, 1, -2 → 0, 1, 2, 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ZigZag(long value) => unchecked((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>The inverse of <see cref="ZigZag"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long UnZigZag(ulong value) => unchecked((long)(value >> 1) ^ -(long)(value & 1));

    /// <summary>Writes <paramref name="value"/> at <paramref name="position"/> (the caller guarantees <see cref="MaxLength"/> bytes of room).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(byte[] buffer, ref int position, ulong value)
    {
        var p = position;
        while (value >= 0x80)
        {
            buffer[p++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[p++] = (byte)value;
        position = p;
    }

    /// <summary>
    /// Reads a value at <paramref name="position"/>; false when the input ends inside it or it does not fit 64 bits
    /// (then <paramref name="position"/> is unspecified).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<byte> input, ref int position, out ulong value)
    {
        var p = position;
        if ((uint)p < (uint)input.Length && input[p] < 0x80)
        {
            value = input[p];
            position = p + 1;
            return true;
        }

        return TryReadLong(input, ref position, out value);
    }

    private static bool TryReadLong(ReadOnlySpan<byte> input, ref int position, out ulong value)
    {
        value = 0;
        var p = position;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if ((uint)p >= (uint)input.Length)
            {
                return false;
            }

            ulong b = input[p++];
            if (shift == 63 && b > 1)
            {
                return false; // bits beyond 64
            }

            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                position = p;
                return true;
            }
        }

        return false;
    }
}
