using System.Text;
using System.Text.Json;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary><c>robotrader replay</c>: any file of frames through the pipeline, every line accounted for.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (JsonElement Summary, List<JsonElement> DeadLetters) Replay(string file, string content, params string[] args)
    {
        var input = _temp.Combine(file);
        File.WriteAllText(input, content, new UTF8Encoding(false));
        var outDir = _temp.Combine("out-" + file);
        var result = CliRunner.Run(["replay", "--input", input, "--out", outDir, .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        var letters = File.ReadAllLines(Path.Combine(outDir, "deadletters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (summary, letters);
    }

    private static void AssertAccounted(JsonElement summary)
    {
        Assert.Equal(
            summary.GetProperty("events").GetInt64(),
            summary.GetProperty("parsed_strict").GetInt64() + summary.GetProperty("parsed_lenient").GetInt64()
                + summary.GetProperty("parsed_basic").GetInt64() + summary.GetProperty("dead_lettered").GetInt64());
    }

    [Fact]
    public void Replay_BinanceFile_CountsEachLevelAndDeadLettersTheRest()
    {
        const string content = """
            {"e":"trade","E":1672515782136,"s":"BNBBTC","t":1,"p":"0.001","q":"100","T":1672515782136}
            {"stream":"bnbusdt@bookTicker","data":{"u":1,"s":"BNBUSDT","b":"25.3519","B":"31.21","a":"25.3652","A":"40.66"}}
            {"e":"trade","s":"bnbbtc","p":0.001,"q":"100","T":1672515782136}
            {"e":"trade","s":"BNBBTC","p":"0.002","q":
            garbage line
            """;

        var (summary, letters) = Replay("binance.txt", content, "--format", "binance", "--symbols", "BNBBTC,BNBUSDT");

        Assert.Equal(5, summary.GetProperty("events").GetInt64());
        Assert.Equal(2, summary.GetProperty("parsed_strict").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_lenient").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_basic").GetInt64());
        Assert.Equal(1, summary.GetProperty("dead_lettered").GetInt64());
        AssertAccounted(summary);
        Assert.Equal("garbage line", Encoding.UTF8.GetString(Assert.Single(letters).GetProperty("frame_base64").GetBytesFromBase64()));
        Assert.Equal(3, letters[0].GetProperty("levels").GetArrayLength());
    }

    [Fact]
    public void Replay_LeanCsvWithSymbolAndDate_Accounted()
    {
        var (summary, letters) = Replay("spy.csv", "34200000,139400,500,P,0,0\n34200001,13.95,100\r\n34200002,139500,junk\nbad\n", "--format", "lean-csv", "--symbol", "spy", "--date", "2013-10-07");

        Assert.Equal(4, summary.GetProperty("events").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_strict").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_lenient").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_basic").GetInt64());
        AssertAccounted(summary);
        Assert.Equal("bad", Encoding.UTF8.GetString(Assert.Single(letters).GetProperty("frame_base64").GetBytesFromBase64()));
    }

    [Fact]
    public void Replay_Signals_CountsSignalsAndCommands()
    {
        const string content = """
            {"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}
            {"command":"halt"}
            SBIN: bullish, confidence 72%
            {"Command":"halt"}
            """;

        var (summary, letters) = Replay("signals.txt", content, "--format", "signals", "--symbols", "SBIN");

        Assert.Equal(2, summary.GetProperty("signals").GetInt64());
        Assert.Equal(1, summary.GetProperty("commands").GetInt64());
        Assert.Equal(1, summary.GetProperty("dead_lettered").GetInt64());
        AssertAccounted(summary);
        Assert.Equal("E210", letters[0].GetProperty("levels")[2].GetProperty("error").GetString());
    }

    [Fact]
    public void Replay_UnknownFormat_UsageError()
    {
        var input = _temp.Combine("x.txt");
        File.WriteAllText(input, "x\n");

        var result = CliRunner.Run("replay", "--input", input, "--format", "fix", "--symbols", "A", "--out", _temp.Combine("o"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format 'fix'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_LeanCsvWithoutDate_UsageError()
    {
        var input = _temp.Combine("y.csv");
        File.WriteAllText(input, "1,1,1\n");

        var result = CliRunner.Run("replay", "--input", input, "--format", "lean-csv", "--symbol", "spy", "--out", _temp.Combine("o"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--date", result.Error, StringComparison.Ordinal);
    }
}
