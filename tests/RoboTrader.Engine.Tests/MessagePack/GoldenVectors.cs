using System.Numerics;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>
/// Repo-owned vectors, hex written by hand from the spec, one or more per format family (and every size
/// boundary), so the codec is checked where <c>../shared</c> is absent.
/// </summary>
internal static class GoldenVectors
{
    public static readonly IReadOnlyDictionary<string, (string Hex, object? Value)> All = Build();

    private static Dictionary<string, (string Hex, object? Value)> Build()
    {
        static BigInteger I(long v) => new(v);
        var s31 = new string('a', 31);
        var s32 = new string('a', 32);
        var s255 = new string('b', 255);
        var s256 = new string('c', 256);
        var s65535 = new string('d', 65535);
        var s65536 = new string('e', 65536);
        return new()
        {
            ["nil"] = ("c0", null),
            ["false"] = ("c2", false),
            ["true"] = ("c3", true),
            ["positive fixint 0"] = ("00", I(0)),
            ["positive fixint 127"] = ("7f", I(127)),
            ["uint8 128"] = ("cc80", I(128)),
            ["uint8 255"] = ("ccff", I(255)),
            ["uint16 256"] = ("cd0100", I(256)),
            ["uint16 65535"] = ("cdffff", I(65535)),
            ["uint32 65536"] = ("ce00010000", I(65536)),
            ["uint32 max"] = ("ceffffffff", I(uint.MaxValue)),
            ["uint64 2^32"] = ("cf0000000100000000", I(1L << 32)),
            ["uint64 long max"] = ("cf7fffffffffffffff", I(long.MaxValue)),
            ["uint64 max"] = ("cfffffffffffffffff", new BigInteger(ulong.MaxValue)),
            ["negative fixint -1"] = ("ff", I(-1)),
            ["negative fixint -32"] = ("e0", I(-32)),
            ["int8 -33"] = ("d0df", I(-33)),
            ["int8 -128"] = ("d080", I(-128)),
            ["int16 -129"] = ("d1ff7f", I(-129)),
            ["int16 -32768"] = ("d18000", I(-32768)),
            ["int32 -32769"] = ("d2ffff7fff", I(-32769)),
            ["int32 min"] = ("d280000000", I(int.MinValue)),
            ["int64 int min - 1"] = ("d3ffffffff7fffffff", I((long)int.MinValue - 1)),
            ["int64 min"] = ("d38000000000000000", I(long.MinValue)),
            ["float32 1.5"] = ("ca3fc00000", 1.5f),
            ["float32 -0"] = ("ca80000000", -0.0f),
            ["float32 NaN"] = ("ca7fc00000", BitConverter.Int32BitsToSingle(0x7fc00000)),
            ["float64 1.5"] = ("cb3ff8000000000000", 1.5),
            ["float64 -infinity"] = ("cbfff0000000000000", double.NegativeInfinity),
            ["float64 0.1"] = ("cb3fb999999999999a", 0.1),
            ["fixstr empty"] = ("a0", string.Empty),
            ["fixstr 31"] = ("bf" + Repeat("61", 31), s31),
            ["str8 32"] = ("d920" + Repeat("61", 32), s32),
            ["str8 255"] = ("d9ff" + Repeat("62", 255), s255),
            ["str16 256"] = ("da0100" + Repeat("63", 256), s256),
            ["str16 65535"] = ("daffff" + Repeat("64", 65535), s65535),
            ["str32 65536"] = ("db00010000" + Repeat("65", 65536), s65536),
            ["fixstr utf8 euro"] = ("a3e282ac", "€"),
            ["bin8 empty"] = ("c400", Array.Empty<byte>()),
            ["bin8 255"] = ("c4ff" + Repeat("ab", 255), Bytes(0xab, 255)),
            ["bin16 256"] = ("c50100" + Repeat("cd", 256), Bytes(0xcd, 256)),
            ["bin32 65536"] = ("c600010000" + Repeat("ef", 65536), Bytes(0xef, 65536)),
            ["fixarray empty"] = ("90", Array.Empty<object?>()),
            ["fixarray 15"] = ("9f" + Repeat("c0", 15), new object?[15]),
            ["array16 16"] = ("dc0010" + Repeat("c0", 16), new object?[16]),
            ["array16 65535"] = ("dcffff" + Repeat("c3", 65535), Enumerable.Repeat<object?>(true, 65535).ToArray()),
            ["array32 65536"] = ("dd00010000" + Repeat("c2", 65536), Enumerable.Repeat<object?>(false, 65536).ToArray()),
            ["fixmap empty"] = ("80", new MapValue([])),
            ["fixmap 15"] = ("8f" + Repeat("c0c0", 15), Map(15)),
            ["map16 16"] = ("de0010" + Repeat("c0c0", 16), Map(16)),
            ["map32 65536"] = ("df00010000" + Repeat("c0c0", 65536), Map(65536)),
            ["fixmap int keys nested"] = ("820191c3" + "ff81a178c0", new MapValue([new(I(1), new object?[] { true }), new(I(-1), new MapValue([new("x", null)]))])),
            ["fixext1"] = ("d40102", new ExtensionValue(1, [0x02])),
            ["fixext2"] = ("d5020304", new ExtensionValue(2, [0x03, 0x04])),
            ["fixext4"] = ("d67f01020304", new ExtensionValue(127, [1, 2, 3, 4])),
            ["fixext8"] = ("d780" + Repeat("11", 8), new ExtensionValue(-128, Bytes(0x11, 8))),
            ["fixext16"] = ("d805" + Repeat("22", 16), new ExtensionValue(5, Bytes(0x22, 16))),
            ["ext8 empty"] = ("c70006", new ExtensionValue(6, [])),
            ["ext8 3"] = ("c7030a010203", new ExtensionValue(10, [1, 2, 3])),
            ["ext8 255"] = ("c7ff0b" + Repeat("33", 255), new ExtensionValue(11, Bytes(0x33, 255))),
            ["ext16 256"] = ("c801000c" + Repeat("44", 256), new ExtensionValue(12, Bytes(0x44, 256))),
            ["ext32 65536"] = ("c9000100000d" + Repeat("55", 65536), new ExtensionValue(13, Bytes(0x55, 65536))),
            ["timestamp32 epoch"] = ("d6ff00000000", new MessagePackTimestamp(0, 0)),
            ["timestamp32 uint max"] = ("d6ffffffffff", new MessagePackTimestamp(uint.MaxValue, 0)),
            ["timestamp64 1 ns"] = ("d7ff0000000400000000", new MessagePackTimestamp(0, 1)),
            ["timestamp64 34-bit max"] = ("d7ffee6b27ffffffffff", new MessagePackTimestamp((1L << 34) - 1, 999_999_999)),
            ["timestamp96 2^34"] = ("c70cff00000000" + "0000000400000000", new MessagePackTimestamp(1L << 34, 0)),
            ["timestamp96 -1.5 s"] = ("c70cff1dcd6500" + "fffffffffffffffe", new MessagePackTimestamp(-2, 500_000_000)),
        };
    }

    private static string Repeat(string hex, int count) => string.Concat(Enumerable.Repeat(hex, count));

    private static byte[] Bytes(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static MapValue Map(int count) => new(Enumerable.Repeat(new KeyValuePair<object?, object?>(null, null), count).ToArray());
}
