namespace RoboTrader.Engine.Parsing;

/// <summary>
/// The basic levels' field finder: looks for <c>key: value</c> or <c>key = value</c> anywhere in a frame, whatever
/// surrounds it (JSON, broken JSON, log lines). Allocation-free.
/// </summary>
public static class BasicScanner
{
    /// <summary>
    /// Finds the first <paramref name="key"/> (ASCII case ignored when <paramref name="ignoreCase"/>; a quoted key must
    /// be given with its quotes) that starts a word and is followed by optional quote, ':' or '=', and a value: a
    /// quoted string or a bare token up to <c>, } ] ;</c> or whitespace. False when there is none.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key, bool ignoreCase, out ReadOnlySpan<byte> value)
    {
        value = default;
        for (var i = 0; i + key.Length <= text.Length; i++)
        {
            if (!Matches(text.Slice(i, key.Length), key, ignoreCase))
            {
                continue;
            }

            if (i > 0 && IsWordByte(text[i - 1]) && IsWordByte(key[0]))
            {
                continue;
            }

            var j = i + key.Length;
            if (j < text.Length && IsWordByte(key[^1]) && IsWordByte(text[j]))
            {
                continue;
            }

            if (j < text.Length && text[j] is (byte)'"' or (byte)'\'' && IsWordByte(key[^1]))
            {
                j++;
            }

            j = SkipSpaces(text, j);
            if (j >= text.Length || text[j] is not ((byte)':' or (byte)'='))
            {
                continue;
            }

            j = SkipSpaces(text, j + 1);
            if (j >= text.Length)
            {
                return false;
            }

            var q = text[j];
            if (q is (byte)'"' or (byte)'\'')
            {
                var close = text[(j + 1)..].IndexOf(q);
                if (close < 0)
                {
                    continue;
                }

                value = text.Slice(j + 1, close);
            }
            else
            {
                var end = text[j..].IndexOfAny(",}]; \t\r\n"u8);
                value = end < 0 ? text[j..] : text.Slice(j, end);
            }

            if (!value.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tries each key of <paramref name="keys"/> ('|'-separated) in turn.</summary>
    public static bool TryFindAny(ReadOnlySpan<byte> text, ReadOnlySpan<byte> keys, bool ignoreCase, out ReadOnlySpan<byte> value)
    {
        while (!keys.IsEmpty)
        {
            var bar = keys.IndexOf((byte)'|');
            var key = bar < 0 ? keys : keys[..bar];
            if (TryFind(text, key, ignoreCase, out value))
            {
                return true;
            }

            keys = bar < 0 ? default : keys[(bar + 1)..];
        }

        value = default;
        return false;
    }

    /// <summary>True for ASCII letters, digits and '_'.</summary>
    public static bool IsWordByte(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9 || b == (byte)'_';

    private static bool Matches(ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> key, bool ignoreCase)
        => ignoreCase ? System.Text.Ascii.EqualsIgnoreCase(candidate, key) : candidate.SequenceEqual(key);

    private static int SkipSpaces(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
