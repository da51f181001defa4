using System.Text;

namespace RoboTrader.Engine.Tests.Support;

/// <summary>Seeded mutations of valid frames: truncation, byte flips, noise, reordered fields, huge numbers, NaN, negatives, unicode.</summary>
internal sealed class FrameMutator
{
    private static readonly string[] s_noise = ["{", "}", "\"", "'", ",", ":", "\\", "//", "\0", "\r\n", " ", "é", "\u2028", "💥", "NaN", "-", "e", "[", "]"];

    private readonly Random _random;

    public FrameMutator(int seed) => _random = new Random(seed);

    public byte[] Mutate(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        return _random.Next(9) switch
        {
            0 => bytes[.._random.Next(bytes.Length)],
            1 => Flip(bytes),
            2 => Insert(bytes, Encoding.UTF8.GetBytes(s_noise[_random.Next(s_noise.Length)])),
            3 => Encoding.UTF8.GetBytes(Reorder(valid)),
            4 => Encoding.UTF8.GetBytes(ReplaceNumber(valid, "99999999999999999999999999")),
            5 => Encoding.UTF8.GetBytes(ReplaceNumber(valid, _random.Next(2) == 0 ? "NaN" : "\"NaN\"")),
            6 => Encoding.UTF8.GetBytes(ReplaceNumber(valid, "-" + _random.Next(1, 1000))),
            7 => Insert(bytes, Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? "Ünïcödé" : "株価")),
            _ => Mutate(Encoding.UTF8.GetString(Flip(bytes))), // several mutations at once
        };
    }

    private byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0)
        {
            copy[_random.Next(copy.Length)] ^= (byte)_random.Next(1, 256);
        }

        return copy;
    }

    private byte[] Insert(byte[] bytes, byte[] noise)
    {
        var at = _random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. noise, .. bytes[at..]];
    }

    private string Reorder(string valid)
    {
        var inner = valid.StartsWith('{') && valid.EndsWith('}') ? valid[1..^1] : valid;
        var parts = inner.Split(',');
        _random.Shuffle(parts);
        var joined = string.Join(',', parts);
        return inner.Length == valid.Length ? joined : "{" + joined + "}";
    }

    private string ReplaceNumber(string valid, string replacement)
    {
        var starts = new List<int>();
        for (var i = 0; i < valid.Length; i++)
        {
            if (char.IsAsciiDigit(valid[i]) && (i == 0 || !char.IsAsciiDigit(valid[i - 1])))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return valid + replacement;
        }

        var start = starts[_random.Next(starts.Count)];
        var end = start;
        while (end < valid.Length && (char.IsAsciiDigit(valid[end]) || valid[end] == '.'))
        {
            end++;
        }

        return valid[..start] + replacement + valid[end..];
    }
}
