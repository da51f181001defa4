using System.IO.Compression;
using System.Text;
using System.Text.Json;
using RoboTrader.Adapters.Lean;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary><c>robotrader backtest --signals</c>: signals merged with LEAN rows by time (ties: market first, then file order).</summary>
public sealed class BacktestSignalsTests : IDisposable
{
    private static readonly DateOnly s_day = new(2013, 10, 7);

    // 09:30:00, 09:30:01 and 09:30:02 New York (EDT) are 13:30:00Z, 13:30:01Z and 13:30:02Z.
    private const string Trades = "34200000,1000000,100,P,0,0\n34201000,1010000,100,P,0,0\n34202000,1020000,100,P,0,0\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string LeanRoot()
    {
        var root = _temp.Combine("lean");
        var path = Path.Combine(root, LeanDataSource.RelativePath(LeanResolution.Tick, "SPY", s_day, LeanDataKind.Trade));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry("20131007_spy_Trade_Tick.csv").Open();
        stream.Write(Encoding.ASCII.GetBytes(Trades));
        return root;
    }

    private (CliRunner.Outcome Result, string Out) Backtest(string name, string signals, params string[] extra)
    {
        var root = LeanRoot();
        var file = _temp.Combine(name + ".signals");
        File.WriteAllText(file, signals, new UTF8Encoding(false));
        var outDir = _temp.Combine(name);
        var result = CliRunner.Run(["backtest", "--data", root, "--symbols", "spy", "--from", "2013-10-07", "--to", "2013-10-07", "--signals", file, "--out", outDir, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return (result, outDir);
    }

    [Fact]
    public void Backtest_Signals_MergedByTimeMarketFirstAtEqualTimesUntimedAtPreviousLine()
    {
        // Frames no level parses (no symbol) are dead-lettered with their ring sequence: it shows where each was merged.
        string[] lines =
        [
            """{"time":"2013-10-07T13:29:59Z","x":"a"}""",     // before the first row: seq 0
            """{"time":"2013-10-07T13:30:00Z","x":"b"}""",     // equal to row 1 (seq 1): after it, seq 2
            """{"x":"c, no time"}""",                          // the previous line's time: seq 3
            """{"time":"2013-10-07T13:30:01Z","x":"d"}""",     // equal to row 2 (seq 4): seq 5
            """{"time":"2013-10-07T13:31:00Z","x":"e"}""",     // after the last row (seq 6): seq 7
        ];

        var (_, outDir) = Backtest("order", string.Join("\n", lines) + "\n");

        var letters = File.ReadAllLines(Path.Combine(outDir, "deadletters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([0L, 2, 3, 5, 7], letters.Select(l => l.GetProperty("seq").GetInt64()));
        Assert.Equal(lines, letters.Select(l => Encoding.UTF8.GetString(l.GetProperty("frame_base64").GetBytesFromBase64())));
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.Equal(8, summary.GetProperty("events").GetInt64());
        Assert.Equal(5, summary.GetProperty("dead_lettered").GetInt64());
    }

    [Fact]
    public void Backtest_SignalFollowWithSignals_TradesAfterTheSignal()
    {
        const string signals = """{"symbol":"SPY","action":"buy","confidence":0.9,"horizon":"1d","source":"ai","time":"2013-10-07T13:30:00Z"}""" + "\n";

        var (_, outDir) = Backtest("follow", signals, "--strategy", "signal-follow", "--signal-window", "5m", "--qty", "10");

        // Row 1 (seq 0) comes before the signal (seq 1) at the same time: no order; row 2 (seq 2) buys; row 3 fills.
        Assert.Equal(
            ["seq,time,symbol,side,qty,price,fee", "3,2013-10-07T13:30:02.000000Z,SPY,BUY,10,102,0"],
            File.ReadAllLines(Path.Combine(outDir, "fills.csv")));
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.Equal(1, summary.GetProperty("signals").GetInt64());
        Assert.Equal("5m", summary.GetProperty("parameters").GetProperty("signal_window").GetString());
    }

    [Fact]
    public void Backtest_SignalsFileMissing_UsageError()
    {
        var result = CliRunner.Run(["backtest", "--data", LeanRoot(), "--symbols", "spy", "--from", "2013-10-07", "--to", "2013-10-07", "--signals", _temp.Combine("none.txt"), "--out", _temp.Combine("o")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--signals", result.Error, StringComparison.Ordinal);
    }
}
