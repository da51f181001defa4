using System.Text.Json;

namespace RoboTrader.Engine.Parsing;

/// <summary>Helpers shared by the JSON parsers' lenient levels.</summary>
public static class LenientJson
{
    /// <summary>Reader options of the strict levels: plain JSON only.</summary>
    public static readonly JsonReaderOptions StrictOptions = new() { MaxDepth = 16 };

    /// <summary>Reader options of the lenient levels: <c>//</c> and <c>/* */</c> comments and trailing commas allowed.</summary>
    public static readonly JsonReaderOptions LenientOptions = new()
    {
        MaxDepth = 16,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Copies the JSON object embedded in <paramref name="frame"/> into <paramref name="destination"/> (at least
    /// twice the frame's length): the text from the first '{' to the last '}' (so prose or noise around it is
    /// dropped), with single-quoted strings rewritten as double-quoted ones. Returns the length, or −1 when the frame
    /// holds no braces or a quote is unbalanced.
    /// </summary>
    public static int Normalize(ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        var start = frame.IndexOf((byte)'{');
        var end = frame.LastIndexOf((byte)'}');
        if (start < 0 || end < start)
        {
            return -1;
        }

        var text = frame[start..(end + 1)];
        var n = 0;
        byte quote = 0;
        var escaped = false;
        foreach (var b in text)
        {
            if (quote == 0)
            {
                if (b is (byte)'"' or (byte)'\'')
                {
                    quote = b;
                    destination[n++] = (byte)'"';
                }
                else
                {
                    destination[n++] = b;
                }

                continue;
            }

            if (escaped)
            {
                escaped = false;
                destination[n++] = b;
                continue;
            }

            if (b == (byte)'\\')
            {
                escaped = true;
                destination[n++] = b;
            }
            else if (b == quote)
            {
                quote = 0;
                destination[n++] = (byte)'"';
            }
            else if (b == (byte)'"')
            {
                destination[n++] = (byte)'\\'; // a double quote inside a single-quoted string
                destination[n++] = b;
            }
            else
            {
                destination[n++] = b;
            }
        }

        return quote == 0 ? n : -1;
    }

    /// <summary>
    /// True when <paramref name="key"/> equals <paramref name="expected"/> (lower case, no separators) ignoring ASCII
    /// case and the separators '_', '-' and ' ' (so <c>bid_size</c>, <c>bidSize</c> and <c>BID-SIZE</c> all match <c>bidsize</c>).
    /// </summary>
    public static bool KeyEquals(ReadOnlySpan<byte> key, ReadOnlySpan<byte> expected)
    {
        var j = 0;
        foreach (var b in key)
        {
            if (b is (byte)'_' or (byte)'-' or (byte)' ')
            {
                continue;
            }

            if (j == expected.Length || (b | 0x20) != expected[j])
            {
                return false;
            }

            j++;
        }

        return j == expected.Length;
    }

    /// <summary>Nanoseconds since the Unix epoch from a timestamp in s, ms, µs or ns, told apart by magnitude (the present is ~1.7×10^9 s).</summary>
    public static bool TryEpochToNanos(long value, out long nanos)
    {
        nanos = 0;
        if (value < 0)
        {
            return false;
        }

        nanos = value switch
        {
            < 100_000_000_000L => value * 1_000_000_000L, // seconds (before the year 5138)
            < 100_000_000_000_000L => value * 1_000_000L, // milliseconds
            < 100_000_000_000_000_000L => value * 1_000L, // microseconds
            _ => value, // nanoseconds
        };
        return true;
    }

    /// <summary>A non-negative integer of 1 to 19 ASCII digits that fits in a long; false otherwise.</summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 19)
        {
            return false;
        }

        ulong v = 0;
        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            v = (v * 10) + d;
        }

        if (v > long.MaxValue)
        {
            return false;
        }

        value = (long)v;
        return true;
    }

    /// <summary>Reads the current string or number token's raw text into <paramref name="buffer"/> (unescaping strings); false for other tokens.</summary>
    public static bool TryGetScalarText(in Utf8JsonReader reader, Span<byte> buffer, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (reader.TokenType == JsonTokenType.Number)
        {
            text = reader.ValueSpan;
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (!reader.ValueIsEscaped)
        {
            text = reader.ValueSpan;
            return true;
        }

        if (reader.ValueSpan.Length > buffer.Length)
        {
            return false;
        }

        var n = reader.CopyString(buffer);
        text = buffer[..n];
        return true;
    }
}
