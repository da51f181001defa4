using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Persistence;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Tests.Persistence;

/// <summary>CsvRow's caller-formatted fields and their RFC 4180 quoting, and breaches.csv rows formatted through it.</summary>
public sealed class CsvRowTests
{
    private static int Ascii(in string text, Span<byte> destination) => Encoding.ASCII.GetBytes(text, destination);

    private static string Row(string field, int bufferLength = 64)
    {
        var row = new CsvRow(new byte[bufferLength]);
        row.Integer(7);
        row.Field(field, Ascii);
        row.Text("x"u8);
        row.End();
        return Encoding.ASCII.GetString(row.Written);
    }

    [Theory]
    [InlineData("refused BUY 100: notional 1100 limit 1000", "7,refused BUY 100: notional 1100 limit 1000,x\n")]
    [InlineData("", "7,,x\n")]
    [InlineData("a,b", "7,\"a,b\",x\n")]
    [InlineData("say \"hi\"", "7,\"say \"\"hi\"\"\",x\n")]
    [InlineData("\"", "7,\"\"\"\",x\n")]
    [InlineData("a\nb", "7,\"a\nb\",x\n")]
    [InlineData("a\rb", "7,\"a\rb\",x\n")]
    [InlineData("\",\"", "7,\"\"\",\"\"\",x\n")]
    public void Field_Text_WrittenAsIsOrQuotedPerRfc4180(string field, string expected)
        => Assert.Equal(expected, Row(field));

    [Fact]
    public void Field_QuotedFieldFillsTheBufferExactly_Fits()
    {
        // "7," + "\"a,b\"" = 7 bytes: the quoted field ends on the buffer's last byte.
        var row = new CsvRow(new byte[7]);
        row.Integer(7);
        row.Field("a,b", Ascii);
        Assert.Equal("7,\"a,b\"", Encoding.ASCII.GetString(row.Written));
    }

    [Fact]
    public void Field_NoRoomForTheQuotes_Throws()
        => Assert.Throws<ArgumentException>(() => Row("a,b", bufferLength: 6));

    [Fact]
    public void Write_Breach_ExactRowAsBeforeCsvRow()
    {
        using var stream = new MemoryStream();
        using (var writer = new BreachesCsvWriter(stream, new SymbolTable(["BAC", "IBM"])))
        {
            var breach = new RiskBreach
            {
                Rule = RiskRule.MaxOrderNotional,
                State = TradingState.Active,
                Side = Side.Buy,
                Clamped = true,
                Symbol = new SymbolId(1),
                Quantity = 100 * FixedPoint.Scale,
                Observed = 1100 * FixedPoint.Scale,
                Limit = 1000 * FixedPoint.Scale,
            };
            writer.Write(12, 1_381_118_400_001_000_000, in breach);
            breach.Symbol = new SymbolId(9); // not in the table: an empty field, as before
            breach.Rule = RiskRule.Halted;
            breach.State = TradingState.Halted;
            breach.Clamped = false;
            writer.Write(13, 1_381_118_400_002_000_000, in breach);
            writer.Flush();
        }

        Assert.Equal(
            "seq,time,symbol,rule,state,detail\n"
            + "12,2013-10-07T04:00:00.001000Z,IBM,max-order-notional,ACTIVE,clamped BUY 100: notional 1100 limit 1000\n"
            + "13,2013-10-07T04:00:00.002000Z,,halted,HALTED,refused BUY 100: trading HALTED\n",
            Encoding.ASCII.GetString(stream.ToArray()));
    }
}
