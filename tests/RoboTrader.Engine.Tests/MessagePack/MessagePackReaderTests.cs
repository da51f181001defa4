using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>The reader's error contract: each error kind, nothing consumed on failure, no exceptions.</summary>
public sealed class MessagePackReaderTests
{
    [Theory]
    [InlineData("cf8000000000000000")] // uint64 2^63
    [InlineData("cfffffffffffffffff")]
    public void TryReadInt64_UInt64AboveLongMax_ReportsOverflow(string hex)
    {
        var reader = new MessagePackReader(Hex.Parse(hex));
        Assert.False(reader.TryReadInt64(out var value));
        Assert.Equal(0, value);
        Assert.Equal(MessagePackError.Overflow, reader.Error);
        Assert.Equal(0, reader.Consumed);
        Assert.True(reader.TryReadUInt64(out var unsigned));
        Assert.Equal(MessagePackError.None, reader.Error);
        Assert.True(unsigned >= 1UL << 63);
    }

    [Theory]
    [InlineData("ff")]
    [InlineData("d080")]
    [InlineData("d38000000000000000")]
    public void TryReadUInt64_Negative_ReportsOverflow(string hex)
    {
        var reader = new MessagePackReader(Hex.Parse(hex));
        Assert.False(reader.TryReadUInt64(out _));
        Assert.Equal(MessagePackError.Overflow, reader.Error);
        Assert.Equal(0, reader.Consumed);
    }

    [Theory]
    [InlineData("ce80000000", true)] // uint32 2^31 does not fit int
    [InlineData("d3ffffffff7fffffff", true)] // int.MinValue - 1
    [InlineData("d2ffffffff", false)] // int32 -1 encoded wide: fits
    [InlineData("cf000000007fffffff", false)] // int.MaxValue encoded as uint64: fits
    public void TryReadInt32_AnyEncoding_OverflowsOnlyWhenOutOfRange(string hex, bool overflows)
    {
        var reader = new MessagePackReader(Hex.Parse(hex));
        Assert.Equal(!overflows, reader.TryReadInt32(out _));
        Assert.Equal(overflows ? MessagePackError.Overflow : MessagePackError.None, reader.Error);
        Assert.Equal(overflows ? 0 : hex.Length / 2, reader.Consumed);
    }

    [Fact]
    public void TryReadUInt32_AboveUIntMax_ReportsOverflow()
    {
        var reader = new MessagePackReader(Hex.Parse("cf0000000100000000"));
        Assert.False(reader.TryReadUInt32(out _));
        Assert.Equal(MessagePackError.Overflow, reader.Error);
    }

    [Fact]
    public void TryReadInt64_Float_ReportsUnexpectedType()
    {
        var reader = new MessagePackReader(Hex.Parse("cb3ff0000000000000"));
        Assert.False(reader.TryReadInt64(out _));
        Assert.Equal(MessagePackError.UnexpectedType, reader.Error);
    }

    [Theory]
    [InlineData("cb3ff8000000000000", 1.5)]
    [InlineData("ca3fc00000", 1.5)]
    [InlineData("d0df", -33.0)]
    [InlineData("cfffffffffffffffff", 18446744073709551615.0)]
    public void TryReadDouble_FloatsAndIntegers_Converts(string hex, double expected)
    {
        var reader = new MessagePackReader(Hex.Parse(hex));
        Assert.True(reader.TryReadDouble(out var value));
        Assert.Equal(expected, value);
        Assert.True(reader.End);
    }

    [Fact]
    public void TryReadSingle_Float64_ReportsUnexpectedType()
    {
        var reader = new MessagePackReader(Hex.Parse("cb3ff8000000000000"));
        Assert.False(reader.TryReadSingle(out _));
        Assert.Equal(MessagePackError.UnexpectedType, reader.Error);
    }

    [Fact]
    public void AnyRead_ReservedByte_ReportsReservedByte()
    {
        var bytes = Hex.Parse("c1");
        var reader = new MessagePackReader(bytes);
        Assert.Equal(MessagePackType.Invalid, reader.PeekType());
        Assert.False(reader.TryReadNil());
        Assert.Equal(MessagePackError.ReservedByte, reader.Error);
        Assert.False(reader.TryReadInt64(out _));
        Assert.Equal(MessagePackError.ReservedByte, reader.Error);
        Assert.False(reader.TrySkip());
        Assert.Equal(MessagePackError.ReservedByte, reader.Error);
        Assert.False(reader.TryReadStringSpan(out _));
        Assert.Equal(MessagePackError.ReservedByte, reader.Error);
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void TryReadString_InvalidUtf8_ReportsInvalidUtf8AndSpanStillReads()
    {
        var reader = new MessagePackReader(Hex.Parse("a2c328"));
        Assert.False(reader.TryReadString(out var text));
        Assert.Null(text);
        Assert.Equal(MessagePackError.InvalidUtf8, reader.Error);
        Assert.Equal(0, reader.Consumed);
        Assert.True(reader.TryReadStringSpan(out var raw));
        Assert.Equal(new byte[] { 0xc3, 0x28 }, raw.ToArray());
    }

    [Theory]
    [InlineData("dc0005c0c0")] // array16 of 5 with 2 items present
    [InlineData("ddffffffff")] // array32 claiming 4 billion items
    [InlineData("df7fffffff")] // map32 claiming 2^31 - 1 pairs
    [InlineData("81c0")] // fixmap of 1 pair with only the key
    public void TryReadHeader_CountBeyondRemainingBytes_ReportsTruncated(string hex)
    {
        var reader = new MessagePackReader(Hex.Parse(hex));
        var ok = reader.PeekType() == MessagePackType.Map ? reader.TryReadMapHeader(out var count) : reader.TryReadArrayHeader(out count);
        Assert.False(ok);
        Assert.Equal(0, count);
        Assert.Equal(MessagePackError.Truncated, reader.Error);
        Assert.False(reader.TrySkip());
        Assert.Equal(MessagePackError.Truncated, reader.Error);
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void TryReadStringSpan_Str32LengthBeyondInput_ReportsTruncated()
    {
        var reader = new MessagePackReader(Hex.Parse("dbffffffff61"));
        Assert.False(reader.TryReadStringSpan(out var span));
        Assert.True(span.IsEmpty);
        Assert.Equal(MessagePackError.Truncated, reader.Error);
    }

    [Fact]
    public void TrySkip_NestingBeyondMaxDepth_ReportsDepthExceeded()
    {
        var bytes = Hex.Parse(string.Concat(Enumerable.Repeat("91", 9)) + "c0");
        var shallow = new MessagePackReader(bytes, maxDepth: 8);
        Assert.False(shallow.TrySkip());
        Assert.Equal(MessagePackError.DepthExceeded, shallow.Error);
        Assert.Equal(0, shallow.Consumed);

        var deepEnough = new MessagePackReader(bytes, maxDepth: 9);
        Assert.True(deepEnough.TrySkip());
        Assert.True(deepEnough.End);
    }

    [Fact]
    public void TrySkip_DeepestSupportedNestingPlusOne_ReportsDepthExceededWithoutStackOverflow()
    {
        var bytes = Hex.Parse(string.Concat(Enumerable.Repeat("91", 100_000)) + "c0");
        var reader = new MessagePackReader(bytes, MessagePackReader.MaxSupportedDepth);
        Assert.False(reader.TrySkip());
        Assert.Equal(MessagePackError.DepthExceeded, reader.Error);
    }

    [Fact]
    public void TryReadRaw_NestedValue_ReturnsItsBytes()
    {
        var reader = new MessagePackReader(Hex.Parse("92a16191c0" + "c3"));
        Assert.True(reader.TryReadRaw(out var raw));
        Assert.Equal("92a16191c0", Hex.Format(raw));
        Assert.True(reader.TryReadBoolean(out var b) && b);
    }

    [Theory]
    [InlineData("d7ff" + "ee6b2800" + "00000000")] // timestamp64 with nanoseconds 1e9
    [InlineData("c70cff" + "3b9aca00" + "0000000000000000")] // timestamp96 with nanoseconds 1e9
    [InlineData("d5ff0000")] // type -1 with 2 bytes
    public void TryReadTimestamp_BadLengthOrNanoseconds_ReportsInvalidTimestamp(string hex)
    {
        var reader = new MessagePackReader(Hex.Parse(hex));
        Assert.False(reader.TryReadTimestamp(out var value));
        Assert.Equal(default, value);
        Assert.Equal(MessagePackError.InvalidTimestamp, reader.Error);
        Assert.Equal(0, reader.Consumed);
        Assert.True(reader.TryReadExtension(out var type, out _));
        Assert.Equal(-1, type);
    }

    [Fact]
    public void TryReadTimestamp_OtherExtensionType_ReportsUnexpectedType()
    {
        var reader = new MessagePackReader(Hex.Parse("d60100000000"));
        Assert.False(reader.TryReadTimestamp(out _));
        Assert.Equal(MessagePackError.UnexpectedType, reader.Error);
    }

    [Fact]
    public void Read_EmptyInput_ReportsTruncatedAndPeekNone()
    {
        var reader = new MessagePackReader([]);
        Assert.Equal(MessagePackType.None, reader.PeekType());
        Assert.True(reader.End);
        Assert.False(reader.TryReadBoolean(out _));
        Assert.Equal(MessagePackError.Truncated, reader.Error);
        Assert.False(reader.TrySkip());
        Assert.Equal(MessagePackError.Truncated, reader.Error);
    }

    [Fact]
    public void Describe_EveryError_HasAMessage()
    {
        foreach (var error in Enum.GetValues<MessagePackError>())
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Describe()));
            Assert.NotEqual("unknown MessagePack error", error.Describe());
        }
    }

    [Fact]
    public void Constructor_MaxDepthOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackReader([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackReader([], MessagePackReader.MaxSupportedDepth + 1));
    }
}
