using System.Text;
using System.Text.Json;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary><c>robotrader deadletters list|export|replay</c> on the dead letters of a hand-made replay.</summary>
public sealed class DeadLettersCommandTests : IDisposable
{
    private static readonly byte[][] s_lines =
    [
        Encoding.UTF8.GetBytes("""{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}"""),
        Encoding.UTF8.GetBytes("""{"symbol":"INFY","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}"""),
        Encoding.UTF8.GetBytes("INFY: bullish, confidence 72%  \t"),
        [(byte)'g', (byte)'a', (byte)'r', 0xFF, 0x01, (byte)' ', (byte)'{', (byte)'"'],
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs a signals replay that knows only SBIN: lines 2–4 are dead-lettered.</summary>
    private string FirstRun()
    {
        var input = _temp.Combine("signals.txt");
        using (var file = File.Create(input))
        {
            foreach (var line in s_lines)
            {
                file.Write(line);
                file.WriteByte((byte)'\n');
            }
        }

        var outDir = _temp.Combine("run");
        var result = CliRunner.Run("replay", "--input", input, "--format", "signals", "--symbols", "SBIN", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Error);
        return outDir;
    }

    [Fact]
    public void List_DeadLetters_CountsBySourceFormatAndReason()
    {
        var outDir = FirstRun();

        var result = CliRunner.Run("deadletters", "list", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            [
                "   count  source       format      reason",
                "       2  signals.txt  TaskInputs  ParseBadSyntax",
                "       1  signals.txt  TaskInputs  ParseUnknownSymbol",
                "       3  total",
            ],
            result.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Export_DeadLetters_BytesEqualOriginalFramesExactly()
    {
        var outDir = FirstRun();
        var to = _temp.Combine("frames.txt");

        var result = CliRunner.Run("deadletters", "export", "--out", outDir, "--to", to);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(s_lines.Skip(1).SelectMany(l => l.Append((byte)'\n')).ToArray(), File.ReadAllBytes(to));
        Assert.Contains("exported 3 frames", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_AfterFix_CountsWhatNowParses()
    {
        var outDir = FirstRun();

        // The "fix": INFY is now a known symbol.
        var result = CliRunner.Run("deadletters", "replay", "--out", outDir, "--format", "signals", "--symbols", "SBIN,INFY");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("replayed 3 dead letters: 2 now parse (strict 1  lenient 0  basic 1), 1 still dead-lettered", result.Output, StringComparison.Ordinal);
        var replayDir = Path.Combine(outDir, "deadletters-replay");
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(replayDir, "summary.json"))).RootElement;
        Assert.Equal(3, summary.GetProperty("events").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_strict").GetInt64());
        Assert.Equal(1, summary.GetProperty("parsed_basic").GetInt64());
        Assert.Equal(1, summary.GetProperty("dead_lettered").GetInt64());
        var still = JsonDocument.Parse(File.ReadAllLines(Path.Combine(replayDir, "deadletters.jsonl")).Single()).RootElement;
        Assert.Equal(s_lines[3], still.GetProperty("frame_base64").GetBytesFromBase64());
    }

    [Fact]
    public void List_FolderWithoutDeadLetters_UsageError()
    {
        var result = CliRunner.Run("deadletters", "list", "--out", _temp.Combine("nothing"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no deadletters.jsonl", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ToSameFolder_UsageError()
    {
        var outDir = FirstRun();

        var result = CliRunner.Run("deadletters", "replay", "--out", outDir, "--to", outDir, "--format", "signals", "--symbols", "SBIN");

        Assert.Equal(2, result.ExitCode);
    }
}
