using System.Text.Json.Nodes;
using RoboTrader.TestSupport;
using Xunit.Abstractions;

namespace RoboTrader.Cli.Tests;

public sealed class BacktestCrashResumeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Summary(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(_temp.Combine(name, "summary.json")))!.AsObject();
        json.Remove("elapsed_ms");
        json.Remove("events_per_sec");
        return json.ToJsonString();
    }

    [Fact]
    public void Backtest_KilledRepeatedlyThenRunAgain_OutputsMatchUninterruptedRun()
    {
        var data = _temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-10", "--ticks-per-day", "5000").ExitCode);
        string[] Args(string name) => ["backtest", "--data", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-10", "--fast", "5", "--slow", "25", "--fee-bps", "1",
            "--out", _temp.Combine(name), "--state", _temp.Combine(name + "-state"), "--checkpoint-every", "2000"];

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, CliRunner.RunProcessKilledAfter(TimeSpan.FromMinutes(5), Args("reference")));
        var uninterrupted = started.Elapsed;

        // Kill at random moments (seeded: a failure reproduces) until one run gets through; the last tries run to the end.
        var random = new Random(20261122);
        var kills = 0;
        var resumedFromCheckpoint = 0;
        for (var attempt = 0; ; attempt++)
        {
            Assert.True(attempt < 30, "the run never completed");
            if (File.Exists(Path.Combine(_temp.Combine("crash-state"), "manifest.json")))
            {
                resumedFromCheckpoint++;
            }

            // The first kill comes shortly after the first checkpoint (so a resume is certain), the next ones at random
            // moments, and from the sixth try on the run may finish.
            var manifest = Path.Combine(_temp.Combine("crash-state"), "manifest.json");
            var outcome = attempt switch
            {
                0 => CliRunner.RunProcessKilledAfter(TimeSpan.FromMilliseconds(random.Next(0, 300)), () => File.Exists(manifest), Args("crash")),
                < 6 => CliRunner.RunProcessKilledAfter(TimeSpan.FromMilliseconds(uninterrupted.TotalMilliseconds * (0.15 + (0.45 * random.NextDouble()))), Args("crash")),
                _ => CliRunner.RunProcessKilledAfter(TimeSpan.FromMinutes(5), Args("crash")),
            };
            if (outcome == 0)
            {
                break;
            }

            kills++;
        }

        output.WriteLine($"uninterrupted {uninterrupted.TotalMilliseconds:F0} ms; {kills} kills; {resumedFromCheckpoint} runs started from a checkpoint");
        Assert.True(kills > 0, "no run was killed");
        Assert.True(resumedFromCheckpoint > 0, "no run resumed from a checkpoint");
        Assert.Equal(File.ReadAllBytes(_temp.Combine("reference", "fills.csv")), File.ReadAllBytes(_temp.Combine("crash", "fills.csv")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine("reference", "deadletters.jsonl")), File.ReadAllBytes(_temp.Combine("crash", "deadletters.jsonl")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine("reference", "breaches.csv")), File.ReadAllBytes(_temp.Combine("crash", "breaches.csv")));
        foreach (var file in new[] { "trades.csv", "orders.csv", "equity.csv" })
        {
            Assert.Equal(File.ReadAllBytes(_temp.Combine("reference", file)), File.ReadAllBytes(_temp.Combine("crash", file)));
        }

        Assert.Equal(Summary("reference").Replace("reference", "crash", StringComparison.Ordinal), Summary("crash"));

        var referenceLedger = _temp.Combine("reference-ledger.csv");
        var crashLedger = _temp.Combine("crash-ledger.csv");
        Assert.Equal(0, CliRunner.Run("ledger", "export", "--state", _temp.Combine("reference-state"), "--format", "csv", "--out", referenceLedger).ExitCode);
        Assert.Equal(0, CliRunner.Run("ledger", "export", "--state", _temp.Combine("crash-state"), "--format", "csv", "--out", crashLedger).ExitCode);
        Assert.Equal(File.ReadAllBytes(referenceLedger), File.ReadAllBytes(crashLedger));
    }
}
