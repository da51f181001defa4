using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>The input journal is the run's source of truth: exported as a recording, it replays to the same outputs.</summary>
public sealed class JournalCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generate()
    {
        var data = _temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--from", "2024-01-08", "--to", "2024-01-09", "--ticks-per-day", "3000").ExitCode);
        return data;
    }

    private static void Ok(CliRunner.Outcome outcome) => Assert.True(outcome.ExitCode == 0, outcome.Error);

    [Theory]
    [InlineData("none")]
    [InlineData("brotli")]
    [InlineData("delta")]
    public void JournalExportAndReplay_RecordingReproducesTheRun(string compression)
    {
        var data = Generate();
        var journal = _temp.Combine("journal");
        string[] strategy = ["--fast", "5", "--slow", "25", "--fee-bps", "1"];
        Ok(CliRunner.Run(["backtest", "--data", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-09", .. strategy, "--out", _temp.Combine("original"), "--state", journal, "--journal-compression", compression]));
        var recording = _temp.Combine("run.rec");
        Ok(CliRunner.Run("journal", "export", "--state", journal, "--format", "msgpack", "--out", recording));
        Ok(CliRunner.Run(["backtest", "--recording", recording, .. strategy, "--out", _temp.Combine("replay")]));

        Assert.Equal(File.ReadAllBytes(_temp.Combine("original", "fills.csv")), File.ReadAllBytes(_temp.Combine("replay", "fills.csv")));
        var original = Summary("original");
        var replay = Summary("replay");
        Assert.Equal(original["events"]!.GetValue<long>(), original["journaled"]!.GetValue<long>());
        foreach (var key in new[] { "events", "trades", "quotes", "orders", "fills", "realized_pnl", "unrealized_pnl", "fees", "positions" })
        {
            Assert.Equal(original[key]!.ToJsonString(), replay[key]!.ToJsonString());
        }
    }

    [Fact]
    public void JournalExport_DeltaJournal_SameRecordsAsPlainJournal()
    {
        var data = Generate();
        foreach (var compression in new[] { "none", "delta" })
        {
            Ok(CliRunner.Run("backtest", "--data", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-09", "--out", _temp.Combine("out-" + compression), "--state", _temp.Combine("state-" + compression), "--journal-compression", compression));
            Ok(CliRunner.Run("journal", "export", "--state", _temp.Combine("state-" + compression), "--format", "jsonl", "--out", _temp.Combine(compression + ".jsonl")));
        }

        // The receive stamps are each run's clock; everything else is the same, byte for byte.
        static string[] WithoutReceive(string path) => [.. File.ReadAllLines(path).Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"recv\":[0-9]+", "\"recv\":0"))];
        var plain = WithoutReceive(_temp.Combine("none.jsonl"));
        Assert.Equal(1 + Summary("out-none")["events"]!.GetValue<long>(), plain.Length); // the header, then a line per frame
        Assert.Equal(plain, WithoutReceive(_temp.Combine("delta.jsonl")));
        Assert.True(DirectorySize(_temp.Combine("state-delta", "journal")) * 3 < DirectorySize(_temp.Combine("state-none", "journal")));
    }

    private static long DirectorySize(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    [Fact]
    public void JournalExportJsonl_OneLinePerFrameWithExactBytes()
    {
        var data = Generate();
        var journal = _temp.Combine("journal");
        Ok(CliRunner.Run("backtest", "--data", data, "--symbols", "aaa", "--from", "2024-01-08", "--to", "2024-01-08", "--out", _temp.Combine("out"), "--state", journal));
        var jsonl = _temp.Combine("journal.jsonl");
        Ok(CliRunner.Run("journal", "export", "--state", journal, "--format", "jsonl", "--out", jsonl));

        var lines = File.ReadAllLines(jsonl);
        var header = JsonNode.Parse(lines[0])!;
        Assert.Equal("AAA", header["symbols"]![0]!.GetValue<string>());
        var events = Summary("out")["events"]!.GetValue<long>();
        Assert.Equal(events, lines.Length - 1);
        var seq = -1L;
        foreach (var line in lines.Skip(1))
        {
            var record = JsonDocument.Parse(line).RootElement;
            Assert.Equal(seq + 1, record.GetProperty("seq").GetInt64());
            seq = record.GetProperty("seq").GetInt64();
            var raw = Encoding.ASCII.GetString(record.GetProperty("raw_base64").GetBytesFromBase64());
            Assert.Matches("^[0-9]+(,[^,]*){5,7}$", raw); // a LEAN tick row, exactly as read
        }
    }

    [Fact]
    public void LedgerExport_OrdersAndFillsMatchTheRunsOutputs()
    {
        var data = Generate();
        var state = _temp.Combine("state");
        Ok(CliRunner.Run("backtest", "--data", data, "--symbols", "aaa,bbb", "--from", "2024-01-08", "--to", "2024-01-09", "--fast", "5", "--slow", "25", "--fee-bps", "1", "--out", _temp.Combine("out"), "--state", state));
        var csv = _temp.Combine("ledger.csv");
        Ok(CliRunner.Run("ledger", "export", "--state", state, "--format", "csv", "--out", csv));

        var rows = File.ReadAllLines(csv);
        Assert.Equal("n,seq,kind,order,symbol,side,type,qty,limit,price,fee,position,stop,tif,status,reason,filled,leaves,rule,state,detail", rows[0]);
        var records = rows.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), records.Select(r => r[0]));
        var summary = Summary("out");
        Assert.Equal(summary["orders"]!.GetValue<long>(), records.Count(r => r[2] == "order"));
        Assert.Equal(summary["ledger_records"]!.GetValue<long>(), records.Count);

        // Every order's transitions: NEW and ACCEPTED, then FILLED or (at the end) CANCELLED; each fill is followed by its order's FILLED.
        var transitions = records.Where(r => r[2] == "order_event").GroupBy(r => r[3]).ToList();
        Assert.Equal(summary["orders"]!.GetValue<long>(), transitions.Count);
        Assert.All(transitions, t => Assert.Equal(["NEW", "ACCEPTED"], t.Take(2).Select(r => r[14])));
        Assert.All(transitions, t => Assert.Contains(t.Last()[14], new[] { "FILLED", "CANCELLED" }));
        Assert.Equal(summary["orders_cancelled"]!.GetValue<long>(), transitions.Count(t => t.Last()[15] == "ExecutionCancelledAtEnd"));

        // Every fill of fills.csv, in order, with the same seq, symbol, side, qty, price and fee.
        var fills = File.ReadAllLines(_temp.Combine("out", "fills.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var ledgerFills = records.Where(r => r[2] == "fill").ToList();
        Assert.Equal(fills.Count, ledgerFills.Count);
        for (var i = 0; i < fills.Count; i++)
        {
            Assert.Equal([fills[i][0], fills[i][2], fills[i][3], fills[i][4], fills[i][5], fills[i][6]], new[] { ledgerFills[i][1], ledgerFills[i][4], ledgerFills[i][5], ledgerFills[i][7], ledgerFills[i][9], ledgerFills[i][10] });
        }

        // The last fill of each symbol carries the position the run ended with.
        foreach (var (symbol, quantity) in summary["positions"]!.AsObject())
        {
            var last = ledgerFills.LastOrDefault(r => r[4] == symbol);
            Assert.Equal(quantity!.ToJsonString(), last is null ? "0" : last[11]);
        }
    }

    [Fact]
    public void Backtest_JournalIntoNonEmptyFolder_RefusedWithExit2()
    {
        var data = Generate();
        var journal = _temp.Combine("busy");
        Directory.CreateDirectory(journal);
        File.WriteAllText(Path.Combine(journal, "something"), "x");

        var outcome = CliRunner.Run("backtest", "--data", data, "--symbols", "aaa", "--from", "2024-01-08", "--to", "2024-01-08", "--out", _temp.Combine("out"), "--state", journal);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("is not empty", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_RecordingWithDataOptions_RefusedWithExit2()
    {
        var outcome = CliRunner.Run("backtest", "--recording", _temp.Combine("x.rec"), "--data", _temp.Path, "--out", _temp.Combine("out"));
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("--recording replays a recorded run", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_DamagedRecording_FailsNamingTheFile()
    {
        var data = Generate();
        var journal = _temp.Combine("journal");
        Ok(CliRunner.Run("backtest", "--data", data, "--symbols", "aaa", "--from", "2024-01-08", "--to", "2024-01-08", "--out", _temp.Combine("out"), "--state", journal));
        var recording = _temp.Combine("run.rec");
        Ok(CliRunner.Run("journal", "export", "--state", journal, "--format", "msgpack", "--out", recording));
        var bytes = File.ReadAllBytes(recording);
        File.WriteAllBytes(recording, bytes[..^7]); // cut the last record short

        var outcome = CliRunner.Run("backtest", "--recording", recording, "--out", _temp.Combine("replay"));

        Assert.Equal(ExitCodes.Failed, outcome.ExitCode);
        Assert.Contains(recording, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("damaged or truncated", outcome.Error, StringComparison.Ordinal);
    }

    private JsonObject Summary(string name) => JsonNode.Parse(File.ReadAllText(_temp.Combine(name, "summary.json")))!.AsObject();
}
