using System.Text;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Tests.Support;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>Signals carry their own event time (the optional <c>time</c> field) so they can be merged with market data.</summary>
public sealed class SignalTimeParsingTests
{
    private static readonly long s_nanos = (new DateTimeOffset(2013, 10, 7, 13, 31, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000) + 250_000_000;
    private readonly ParseChain _chain = new(FrameFormat.TaskInputs, "SBIN");

    [Fact]
    public void Parse_StrictSignalWithTime_StrictLevelWithTime()
    {
        var slot = _chain.Parse("""{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news","time":"2013-10-07T13:31:00.25Z"}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(s_nanos, slot.Signal.TimeNanos);
    }

    [Fact]
    public void Parse_StrictSignalWithoutTime_TimeZero()
        => Assert.Equal(0, _chain.Parse("""{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}""").Signal.TimeNanos);

    [Fact]
    public void Parse_LenientSignalWithEpochMillis_Lenient()
    {
        var slot = _chain.Parse("""note: {'ticker':'sbin','signal':'bullish','timestamp':1381152660250}""");

        Assert.Equal(ParseLevel.Lenient, slot.ParseLevel);
        Assert.Equal(s_nanos, slot.Signal.TimeNanos);
    }

    [Fact]
    public void Parse_StrictCommandWithTime_Strict()
        => Assert.Equal(ParseLevel.Strict, _chain.Parse("""{"command":"halt","time":"2013-10-07T13:31:00Z"}""").ParseLevel);

    [Theory]
    [InlineData("2013-10-07T13:31:00.25Z", true)]
    [InlineData("2013-10-07T13:31:00Z", true)]
    [InlineData("2013-02-30T13:31:00Z", false)]
    [InlineData("2013-10-07 13:31:00Z", false)]
    [InlineData("2013-10-07T13:31:00", false)]
    [InlineData("2013-10-07T13:31:00.1234567890Z", false)]
    [InlineData("", false)]
    public void TryParse_Shapes_AcceptsOnlyUtcIso(string text, bool ok)
    {
        Assert.Equal(ok, IsoTime.TryParse(Encoding.ASCII.GetBytes(text), out var nanos));
        if (ok)
        {
            Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000, nanos - (nanos % 1_000_000));
        }
    }
}
