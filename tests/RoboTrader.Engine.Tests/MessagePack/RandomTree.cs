using System.Numerics;
using System.Text;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>Seeded random <see cref="MessagePackTree"/> values of every type, biased towards format boundaries.</summary>
internal sealed class RandomTree(int seed, bool allowLarge)
{
    private static readonly int[] s_lengthBoundaries = [0, 1, 2, 4, 8, 15, 16, 31, 32, 255, 256, 65535, 65536];

    private readonly Random _random = new(seed);

    public object? Next(int depth = 0)
    {
        var kind = _random.Next(depth >= 4 ? 10 : 12);
        return kind switch
        {
            0 => null,
            1 => _random.Next(2) == 0,
            2 or 3 => NextInteger(),
            4 => BitConverter.Int32BitsToSingle(_random.Next(int.MinValue, int.MaxValue)),
            5 => BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue)),
            6 => NextString(),
            7 => NextBytes(),
            8 => NextTimestamp(),
            9 => new ExtensionValue((sbyte)_random.Next(0, 128), NextBytes()),
            10 => NextArray(depth),
            _ => NextMap(depth),
        };
    }

    public BigInteger NextInteger()
    {
        // A random bit width so every integer format is hit, then an occasional exact boundary.
        var bits = _random.Next(0, 65);
        var magnitude = bits == 0 ? 0UL : (ulong)_random.NextInt64() << 1 ^ (ulong)_random.Next(2);
        magnitude = bits == 64 ? magnitude : magnitude & ((1UL << bits) - 1);
        if (_random.Next(8) == 0)
        {
            ulong[] edges = [127, 128, 255, 256, 65535, 65536, uint.MaxValue, 1UL << 32, long.MaxValue, 1UL << 63, ulong.MaxValue, 31, 32, 33];
            magnitude = edges[_random.Next(edges.Length)];
        }

        var negative = _random.Next(2) == 0 && magnitude <= 1UL << 63;
        return negative ? -new BigInteger(magnitude) : new BigInteger(magnitude);
    }

    private int NextLength()
    {
        if (_random.Next(6) == 0)
        {
            var length = s_lengthBoundaries[_random.Next(s_lengthBoundaries.Length)];
            return allowLarge || length < 300 ? length : _random.Next(40);
        }

        return _random.Next(40);
    }

    private string NextString()
    {
        var length = NextLength();
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            var plane = _random.Next(4);
            var codePoint = plane switch
            {
                0 or 1 => _random.Next(0x20, 0x7f),
                2 => _random.Next(0x80, 0xd800),
                _ => _random.Next(0x10000, 0x110000),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    private byte[] NextBytes()
    {
        var bytes = new byte[NextLength()];
        _random.NextBytes(bytes);
        return bytes;
    }

    private MessagePackTimestamp NextTimestamp() => _random.Next(4) switch
    {
        0 => new MessagePackTimestamp(_random.NextInt64(0, 1L << 32), 0),
        1 => new MessagePackTimestamp(_random.NextInt64(0, 1L << 34), (uint)_random.Next(0, 1_000_000_000)),
        2 => new MessagePackTimestamp(_random.NextInt64(long.MinValue, long.MaxValue), (uint)_random.Next(0, 1_000_000_000)),
        _ => new MessagePackTimestamp(_random.NextInt64(-1L << 40, 0), (uint)_random.Next(0, 1_000_000_000)),
    };

    private object?[] NextArray(int depth)
    {
        var count = _random.Next(8) == 0 ? 16 : _random.Next(6);
        var items = new object?[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Next(depth + 1);
        }

        return items;
    }

    private MapValue NextMap(int depth)
    {
        var count = _random.Next(8) == 0 ? 16 : _random.Next(6);
        var pairs = new KeyValuePair<object?, object?>[count];
        for (var i = 0; i < count; i++)
        {
            pairs[i] = new(_random.Next(3) == 0 ? Next(depth + 1) : NextString(), Next(depth + 1));
        }

        return new MapValue(pairs);
    }
}
