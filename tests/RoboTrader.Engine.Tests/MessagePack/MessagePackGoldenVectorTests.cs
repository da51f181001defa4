using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>The repo-owned vectors of <see cref="GoldenVectors"/>: always run, with or without <c>../shared</c>.</summary>
public sealed class MessagePackGoldenVectorTests
{
    public static IEnumerable<object[]> Names() => GoldenVectors.All.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void Write_GoldenValue_GivesTheGoldenBytes(string name)
    {
        var (hex, value) = GoldenVectors.All[name];
        Assert.Equal(hex, Hex.Format(MessagePackTree.Encode(value)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_GoldenBytes_GivesTheGoldenValue(string name)
    {
        var (hex, value) = GoldenVectors.All[name];
        var bytes = Hex.Parse(hex);
        var reader = new MessagePackReader(bytes);
        Assert.True(MessagePackTree.TryRead(ref reader, out var actual), reader.Error.Describe());
        Assert.True(reader.End);
        Assert.Equal(MessagePackError.None, reader.Error);
        TreeAssert.Equal(value, actual);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TrySkip_GoldenBytes_ConsumesExactlyTheValue(string name)
    {
        var bytes = Hex.Parse(GoldenVectors.All[name].Hex + "c3");
        var reader = new MessagePackReader(bytes);
        Assert.True(reader.TrySkip(), reader.Error.Describe());
        Assert.Equal(bytes.Length - 1, reader.Consumed);
        Assert.True(reader.TryReadBoolean(out var trailer) && trailer);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WriteIntoSpan_GoldenValue_MatchesBufferWriterAndOverflowsOneByteShort(string name)
    {
        var (hex, value) = GoldenVectors.All[name];
        var expected = Hex.Parse(hex);

        var exact = new byte[expected.Length];
        var writer = new MessagePackWriter(exact);
        MessagePackTree.Write(ref writer, value);
        Assert.False(writer.HasOverflowed);
        Assert.Equal(expected.Length, writer.BytesWritten);
        Assert.Equal(hex, Hex.Format(exact));

        var tooSmall = new byte[expected.Length - 1];
        var shortWriter = new MessagePackWriter(tooSmall);
        MessagePackTree.Write(ref shortWriter, value);
        Assert.True(shortWriter.HasOverflowed);
    }
}
