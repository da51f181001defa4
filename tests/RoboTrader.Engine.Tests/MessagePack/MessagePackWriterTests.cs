using System.Buffers;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>Writer behaviour beyond the vectors: overflow is sticky and atomic per value, buffer-writer mode, caller errors.</summary>
public sealed class MessagePackWriterTests
{
    [Fact]
    public void Write_ValueDoesNotFit_WritesNothingOfItAndStaysOverflowed()
    {
        var buffer = new byte[4];
        var writer = new MessagePackWriter(buffer);
        writer.WriteBoolean(true);
        writer.WriteString("abcd"); // 5 bytes: does not fit in the 3 left
        Assert.True(writer.HasOverflowed);
        Assert.Equal(1, writer.BytesWritten);
        writer.WriteNil(); // would fit, but the writer stays failed
        Assert.Equal(1, writer.BytesWritten);
        Assert.Equal(new byte[] { 0xc3, 0, 0, 0 }, buffer);
    }

    [Fact]
    public void Write_BufferWriterMode_GrowsAndNeverOverflows()
    {
        var output = new ArrayBufferWriter<byte>(1);
        var writer = new MessagePackWriter(output);
        for (var i = 0; i < 1000; i++)
        {
            writer.WriteInt64(-i * 1000L);
            writer.WriteString("x");
        }

        writer.Flush();
        Assert.False(writer.HasOverflowed);
        Assert.Equal(output.WrittenCount, writer.BytesWritten);

        var reader = new MessagePackReader(output.WrittenSpan);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(reader.TryReadInt64(out var value));
            Assert.Equal(-i * 1000L, value);
            Assert.True(reader.TryReadString(out var text));
            Assert.Equal("x", text);
        }

        Assert.True(reader.End);
    }

    [Fact]
    public void WriteString_UnpairedSurrogate_WritesReplacementCharacter()
    {
        var buffer = new byte[8];
        var writer = new MessagePackWriter(buffer);
        writer.WriteString("\ud800");
        Assert.Equal("a3efbfbd", Hex.Format(buffer.AsSpan(0, (int)writer.BytesWritten)));
    }

    [Fact]
    public void WriteTimestamp_NanosecondsOverMax_Throws()
    {
        var buffer = new byte[16];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var writer = new MessagePackWriter(buffer);
            writer.WriteTimestamp(0, 1_000_000_000);
        });
    }

    [Fact]
    public void WriteArrayHeader_NegativeCount_Throws()
    {
        var buffer = new byte[16];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var writer = new MessagePackWriter(buffer);
            writer.WriteArrayHeader(-1);
        });
    }

    [Theory]
    [InlineData(0L, 0u, "d6ff00000000")]
    [InlineData(4294967295L, 0u, "d6ffffffffff")]
    [InlineData(4294967296L, 0u, "d7ff0000000100000000")]
    [InlineData(1L, 1u, "d7ff0000000400000001")]
    [InlineData(-1L, 0u, "c70cff00000000ffffffffffffffff")]
    public void WriteTimestamp_Boundaries_ChoosesTheSpecFormat(long seconds, uint nanoseconds, string hex)
    {
        var buffer = new byte[15];
        var writer = new MessagePackWriter(buffer);
        writer.WriteTimestamp(seconds, nanoseconds);
        Assert.Equal(hex, Hex.Format(buffer.AsSpan(0, (int)writer.BytesWritten)));
    }
}
