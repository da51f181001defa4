using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Reporting.Tests.Inputs;

public sealed class CsvErrorTests
{
    private static readonly string s_t0 = ReportFixture.Iso(ReportFixture.Day0);
    private static readonly string s_t1 = ReportFixture.Iso(ReportFixture.Day0.AddMinutes(1));
    private static readonly string[] s_equity = [ReportFixture.EquityRow(ReportFixture.Day0, "100")];
    private static readonly string s_goodTrade = $"1,{s_t0},BAC,BUY,100,10,1,o1,market,,,100,0";

    private static EngineException Fails(string[] equity, string[] trades, string[]? breaches = null)
    {
        using var dir = new TempDirectory("report-csv");
        ReportFixture.Write(dir.Path, equity, trades, breaches);
        var ex = Assert.Throws<EngineException>(() => ReportInputs.Read(dir.Path));
        Assert.Equal(ErrorCode.PersistenceCorrupt, ex.Error.Code);
        return ex;
    }

    [Theory]
    [InlineData("1,TIME,BAC,BUY,100,abc,1,o1,market,,,100,0", "trades.csv line 3, column 6 (price): 'abc' is not an exact decimal")]
    [InlineData("1,TIME,BAC,BUY,100,1e3,1,o1,market,,,100,0", "trades.csv line 3, column 6 (price): '1e3' is not an exact decimal")]
    [InlineData("1,TIME,BAC,BUY,100, 10,1,o1,market,,,100,0", "trades.csv line 3, column 6 (price): ' 10' is not an exact decimal")]
    [InlineData("1,TIME,BAC,HOLD,100,10,1,o1,market,,,100,0", "trades.csv line 3, column 4 (side): 'HOLD' is not BUY or SELL")]
    [InlineData("1,TIME,BAC,SELL,0,10,1,o1,market,,,100,0", "trades.csv line 3, column 5 (qty): '0' is not a positive quantity")]
    [InlineData("x,TIME,BAC,BUY,100,10,1,o1,market,,,200,0", "trades.csv line 3, column 1 (seq): 'x' is not a non-negative integer")]
    [InlineData("1,2013-10-07 13:31:00Z,BAC,BUY,100,10,1,o1,market,,,200,0", "trades.csv line 3, column 2 (time): '2013-10-07 13:31:00Z' is not an ISO 8601 UTC time")]
    [InlineData("1,TIME,BAC,BUY,100,10,1,o1,market,,,100,0", "trades.csv line 3, column 12 (position): position 100 is not the previous position of BAC (100) + 100")]
    [InlineData("1,TIME,BAC,BUY,100,10,1,o1,market,,,200", "trades.csv line 3: 12 fields where the header has 13")]
    [InlineData("1,TIME,BAC,BUY,100,10,1,o1,market,x,,200,0", "trades.csv line 3, column 10 (limit_price): 'x' is not an exact decimal")]
    [InlineData("1,TIME,BAC,BUY,100,100000000000000.01,1,o1,market,,,200,0", "trades.csv line 3, column 6 (price): '100000000000000.01' is out of range")]
    public void Read_MalformedTradeRow_NamesFileLineAndColumn(string row, string expected)
    {
        var ex = Fails(s_equity, [s_goodTrade, row.Replace("TIME", s_t1, StringComparison.Ordinal)]);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesTheLineAndCharacter()
    {
        using var dir = new TempDirectory("report-csv");
        ReportFixture.Write(dir.Path, s_equity, [s_goodTrade]);
        var row = Encoding.ASCII.GetBytes($"2,{s_t1},BAC,SELL,100,1\xff,1,o2,market,,,0,0\n".Replace("\xff", "?", StringComparison.Ordinal));
        row[Array.IndexOf(row, (byte)'?')] = 0xFF; // a byte that never occurs in UTF-8
        using (var file = new FileStream(Path.Combine(dir.Path, "trades.csv"), FileMode.Append))
        {
            file.Write(row);
        }

        var ex = Assert.Throws<EngineException>(() => ReportInputs.Read(dir.Path));
        Assert.StartsWith("trades.csv line 3: character 45 is not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EquityTimeGoingBack_IsAnError()
    {
        var ex = Fails([ReportFixture.EquityRow(ReportFixture.Day0.AddMinutes(1), "100"), ReportFixture.EquityRow(ReportFixture.Day0, "100")], []);
        Assert.StartsWith("equity.csv line 3, column 1 (time):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyLineInTheMiddle_IsAnErrorNotASkip()
    {
        var ex = Fails([ReportFixture.EquityRow(ReportFixture.Day0, "100"), "", ReportFixture.EquityRow(ReportFixture.Day0, "100")], []);
        Assert.StartsWith("equity.csv line 3: an empty line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithoutAColumn_NamesTheColumn()
    {
        using var dir = new TempDirectory("report-csv");
        ReportFixture.Write(dir.Path, s_equity, []);
        File.WriteAllText(Path.Combine(dir.Path, "trades.csv"), "seq,time,symbol,side,qty,price,fee\n");
        var ex = Assert.Throws<EngineException>(() => ReportInputs.Read(dir.Path));
        Assert.StartsWith("trades.csv line 1: the header has no column 'order_id'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraColumns_AreIgnored()
    {
        using var dir = new TempDirectory("report-csv");
        ReportFixture.Write(dir.Path, s_equity, []);
        File.WriteAllText(Path.Combine(dir.Path, "equity.csv"), "time,equity,cash,gross_exposure,net_exposure,realized_pnl,unrealized_pnl,fees,margin\n" + s_equity[0] + ",7\n");
        Assert.Equal(100m, Assert.Single(ReportInputs.Read(dir.Path).Equity).Equity);
    }

    [Fact]
    public void Read_UnclosedQuoteInBreaches_NamesTheColumn()
    {
        var ex = Fails(s_equity, [], [$"1,{s_t0},BAC,max_position,HALTED,\"unclosed"]);
        Assert.StartsWith("breaches.csv line 2, column 6: the quote opened at character", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedBreachDetail_KeepsCommasAndQuotes()
    {
        using var dir = new TempDirectory("report-csv");
        ReportFixture.Write(dir.Path, s_equity, [], [$"7,{s_t0},,daily_loss,HALTED,\"loss 1,200 > \"\"limit\"\"\""]);
        var breach = Assert.Single(ReportInputs.Read(dir.Path).Breaches);
        Assert.Equal(new BreachRecord(7, ReportFixture.Day0.Subtract(DateTime.UnixEpoch).Ticks * 100, "", "daily_loss", "HALTED", "loss 1,200 > \"limit\""), breach);
    }

    [Fact]
    public void Read_NoBreachesFile_MeansNoBreaches_ButNoTradesFileIsAnError()
    {
        using var dir = new TempDirectory("report-csv");
        ReportFixture.Write(dir.Path, s_equity, []);
        Assert.Empty(ReportInputs.Read(dir.Path).Breaches);
        File.Delete(Path.Combine(dir.Path, "trades.csv"));
        var ex = Assert.Throws<EngineException>(() => ReportInputs.Read(dir.Path));
        Assert.Contains("the report needs trades.csv", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.5", true)]
    [InlineData("-0.00000001", true)]
    [InlineData("7", true)]
    [InlineData("+1", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("1,5", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("NaN", false)]
    public void TryParseDecimal_AcceptsOnlyPlainExactDecimals(string text, bool ok) => Assert.Equal(ok, CsvFile.TryParseDecimal(text, out _));
}
