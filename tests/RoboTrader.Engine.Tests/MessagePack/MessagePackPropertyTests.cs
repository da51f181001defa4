using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>
/// Seeded property tests (System.Random, fixed seeds, so a failure reproduces): random values of every type
/// round-trip; every strict prefix of a valid encoding is <see cref="MessagePackError.Truncated"/>; mutated and random
/// bytes never make the reader throw, read out of range or consume anything on a failed call.
/// </summary>
public sealed class MessagePackPropertyTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 42, 2026];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RoundTrip_RandomValues_ReadBackEqual(int seed)
    {
        var random = new RandomTree(seed, allowLarge: true);
        for (var i = 0; i < 300; i++)
        {
            var value = random.Next();
            var bytes = MessagePackTree.Encode(value);

            var reader = new MessagePackReader(bytes);
            Assert.True(MessagePackTree.TryRead(ref reader, out var actual), $"seed {seed} #{i}: {reader.Error.Describe()}");
            Assert.True(reader.End);
            TreeAssert.Equal(value, actual);

            var skipper = new MessagePackReader(bytes);
            Assert.True(skipper.TrySkip());
            Assert.True(skipper.End);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RoundTrip_RandomIntegers_UseTheSmallestEncoding(int seed)
    {
        var random = new RandomTree(seed, allowLarge: false);
        Span<byte> buffer = stackalloc byte[9];
        for (var i = 0; i < 20_000; i++)
        {
            var value = random.NextInteger();
            var writer = new MessagePackWriter(buffer);
            if (value < 0)
            {
                writer.WriteInt64((long)value);
            }
            else
            {
                writer.WriteUInt64((ulong)value);
            }

            var expectedLength = value switch
            {
                _ when value >= -32 && value <= 127 => 1,
                _ when value >= sbyte.MinValue && value <= byte.MaxValue => 2,
                _ when value >= short.MinValue && value <= ushort.MaxValue => 3,
                _ when value >= int.MinValue && value <= uint.MaxValue => 5,
                _ => 9,
            };
            Assert.Equal(expectedLength, writer.BytesWritten);

            var reader = new MessagePackReader(buffer[..(int)writer.BytesWritten]);
            if (value < 0 || value <= long.MaxValue)
            {
                Assert.True(reader.TryReadInt64(out var read));
                Assert.Equal(value, read);
            }
            else
            {
                Assert.False(reader.TryReadInt64(out _));
                Assert.Equal(MessagePackError.Overflow, reader.Error);
                Assert.True(reader.TryReadUInt64(out var read));
                Assert.Equal(value, read);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Read_EveryStrictPrefix_ReportsTruncated(int seed)
    {
        var random = new RandomTree(seed, allowLarge: false);
        for (var i = 0; i < 150; i++)
        {
            var bytes = MessagePackTree.Encode(random.Next());
            for (var length = 0; length < bytes.Length; length++)
            {
                var prefix = bytes.AsSpan(0, length);

                var skipper = new MessagePackReader(prefix);
                Assert.False(skipper.TrySkip());
                Assert.Equal(MessagePackError.Truncated, skipper.Error);
                Assert.Equal(0, skipper.Consumed);

                var reader = new MessagePackReader(prefix);
                Assert.False(MessagePackTree.TryRead(ref reader, out _));
                Assert.Equal(MessagePackError.Truncated, reader.Error);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Read_MutatedEncodings_NeverThrowsAndFailsCleanly(int seed)
    {
        var random = new Random(seed);
        var trees = new RandomTree(seed, allowLarge: false);
        for (var i = 0; i < 6_000; i++)
        {
            var bytes = MessagePackTree.Encode(trees.Next());
            var mutations = random.Next(1, 5);
            for (var m = 0; m < mutations && bytes.Length > 0; m++)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)(bytes[at] ^ (1 << random.Next(8))),
                    _ => (byte)(0xc0 + random.Next(0x20)), // a header byte: lengths and types
                };
            }

            ExerciseReader(bytes);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Read_RandomBytes_NeverThrowsAndFailsCleanly(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 4_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            ExerciseReader(bytes);
        }
    }

    /// <summary>Walks the input with every read method; each failed call must consume nothing and say why.</summary>
    private static void ExerciseReader(byte[] bytes)
    {
        var tree = new MessagePackReader(bytes);
        if (!MessagePackTree.TryRead(ref tree, out _))
        {
            Assert.NotEqual(MessagePackError.None, tree.Error);
        }

        var reader = new MessagePackReader(bytes, maxDepth: 16);
        var steps = 0;
        while (!reader.End && steps++ < 1000)
        {
            var before = reader.Consumed;
            var ok = (steps % 12) switch
            {
                0 => reader.TryReadInt64(out _),
                1 => reader.TryReadStringSpan(out _),
                2 => reader.TryReadBinary(out _),
                3 => reader.TryReadArrayHeader(out _),
                4 => reader.TryReadMapHeader(out _),
                5 => reader.TryReadExtension(out _, out _),
                6 => reader.TryReadTimestamp(out _),
                7 => reader.TryReadDouble(out _),
                8 => reader.TryReadString(out _),
                9 => reader.TryReadUInt64(out _),
                10 => reader.TryReadBoolean(out _) || reader.TryReadNil(),
                _ => reader.TryReadRaw(out _),
            };
            _ = reader.PeekType();
            if (ok)
            {
                Assert.Equal(MessagePackError.None, reader.Error);
                Assert.True(reader.Consumed > before && reader.Consumed <= bytes.Length);
                continue;
            }

            Assert.NotEqual(MessagePackError.None, reader.Error);
            Assert.Equal(before, reader.Consumed);
            if (!reader.TrySkip())
            {
                Assert.Equal(before, reader.Consumed);
                break;
            }
        }
    }
}
