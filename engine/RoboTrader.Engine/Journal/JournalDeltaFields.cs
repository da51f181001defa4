using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Journal;

/// <summary>The field tests of <see cref="JournalDeltaEncoder"/>: canonical integers and equal bytes.</summary>
public static class JournalDeltaFields
{
    /// <summary>Whether <paramref name="length"/> bytes at <paramref name="a"/> and <paramref name="b"/> are equal (8 readable bytes at each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool SameBytes(ref byte a, ref byte b, int length)
    {
        if (length > 8 || !BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.CreateReadOnlySpan(ref a, length).SequenceEqual(MemoryMarshal.CreateReadOnlySpan(ref b, length));
        }

        var x = Unsafe.ReadUnaligned<ulong>(ref a) ^ Unsafe.ReadUnaligned<ulong>(ref b);
        return length == 0 || x << (64 - (8 * length)) == 0; // the bytes past the field shifted out
    }

    /// <summary>
    /// <see cref="TryParseCanonical(ReadOnlySpan{byte}, out long)"/> on <paramref name="length"/> bytes at
    /// <paramref name="field"/> (8 readable bytes past it): up to 8 digits are checked and combined at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseCanonical(ref byte field, int length, out long value)
    {
        var negative = length > 0 && field == (byte)'-';
        ref var first = ref Unsafe.Add(ref field, negative ? 1 : 0);
        var digits = negative ? length - 1 : length;
        if (digits is < 1 or > 8 || first == (byte)'0' || !BitConverter.IsLittleEndian)
        {
            return TryParseCanonical(MemoryMarshal.CreateReadOnlySpan(ref field, length), out value);
        }

        // The digits moved to the top bytes, '0's below them; all eight must be ASCII digits.
        var shift = 8 * (8 - digits);
        var chunk = (Unsafe.ReadUnaligned<ulong>(ref first) << shift) | (0x3030303030303030UL & ((1UL << shift) - 1));
        if ((chunk & 0xF0F0F0F0F0F0F0F0) != 0x3030303030303030 || ((chunk + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) != 0x3030303030303030)
        {
            value = 0;
            return false;
        }

        chunk -= 0x3030303030303030;
        chunk = (chunk * 10) + (chunk >> 8);
        chunk = (((chunk & 0x000000FF000000FF) * 0x000F424000000064) + (((chunk >> 16) & 0x000000FF000000FF) * 0x0000271000000001)) >> 32;
        var magnitude = (long)(uint)chunk;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>
    /// True for "-"? [1-9][0-9]{0,17}: the only texts that <see cref="JournalDeltaDecoder"/> formats back to the same
    /// bytes from their value ("0" has its own tag; "-0", "007", "+1" and longer numbers are literals).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseCanonical(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var negative = !field.IsEmpty && field[0] == (byte)'-';
        var digits = negative ? field[1..] : field;
        if (digits.IsEmpty || digits[0] == (byte)'0' || !Parsing.CsvFieldReader.TryParseDigits(digits, out var v))
        {
            return false; // TryParseDigits refuses more than 18 digits
        }

        value = negative ? -v : v;
        return true;
    }
}
