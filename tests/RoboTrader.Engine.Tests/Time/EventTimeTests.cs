using System.Globalization;
using System.Text;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Tests.Time;

/// <summary>The hand-written ISO writer against the framework's formatting of the same instant.</summary>
public sealed class EventTimeTests
{
    private static string Written(long utcNanos)
    {
        Span<byte> buffer = stackalloc byte[32];
        var n = EventTime.WriteIso(utcNanos, buffer);
        return Encoding.ASCII.GetString(buffer[..n]);
    }

    private static string Framework(long utcNanos)
        => DateTime.UnixEpoch.AddTicks(utcNanos / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00.000000Z")]
    [InlineData(1_381_152_600_614_000_000L, "2013-10-07T13:30:00.614000Z")]
    [InlineData(1_381_152_600_000_000_999L, "2013-10-07T13:30:00.000000Z")] // nanoseconds below a microsecond are cut, not rounded
    [InlineData(-1_000L, "1969-12-31T23:59:59.999999Z")]
    [InlineData(-100L, "1969-12-31T23:59:59.999999Z")]
    [InlineData(-99L, "1970-01-01T00:00:00.000000Z")] // ticks truncate toward zero, as DateTime.AddTicks(n / 100) does
    [InlineData(951_782_400_000_000_000L, "2000-02-29T00:00:00.000000Z")]
    [InlineData(long.MaxValue, "2262-04-11T23:47:16.854775Z")]
    [InlineData(long.MinValue, "1677-09-21T00:12:43.145224Z")]
    public void WriteIso_KnownInstants(long utcNanos, string expected)
    {
        Assert.Equal(expected, Written(utcNanos));
        Assert.Equal(expected, EventTime.ToIso(utcNanos));
    }

    [Fact]
    public void WriteIso_AgreesWithTheFrameworkOnRandomInstants()
    {
        var random = new Random(20131007);
        for (var i = 0; i < 200_000; i++)
        {
            // Every long is a valid instant (1677 to 2262); half the draws near the data's years, where rows are.
            var nanos = i % 2 == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.NextInt64(1_000_000_000_000_000_000, 2_000_000_000_000_000_000);
            Assert.Equal(Framework(nanos), Written(nanos));
        }
    }

    [Fact]
    public void WriteIso_DestinationTooShort_Throws()
        => Assert.Throws<ArgumentException>(() => EventTime.WriteIso(0, new byte[26]));
}
