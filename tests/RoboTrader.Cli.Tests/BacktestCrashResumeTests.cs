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

    [Theory]
    [InlineData("none", 5)]
    [InlineData("delta", 3)]
    public void Backtest_KilledRepeatedlyThenRunAgain_OutputsMatchUninterruptedRun(string journalCompression, int randomKills)
    {
        var data = _temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-10", "--ticks-per-day", "5000").ExitCode);
        AssertKillsResumeExactly(
            name => ["backtest", "--data", data, "--symbols", "aaa,bbb,ccc", "--from", "2024-01-08", "--to", "2024-01-10", "--fast", "5", "--slow", "25", "--fee-bps", "1",
                "--out", _temp.Combine(name), "--state", _temp.Combine(name + "-state"), "--checkpoint-every", "2000", "--journal-compression", journalCompression],
            seed: 20261122,
            randomKills);
    }

    [LeanDataFact]
    public void Backtest_OnRealLeanData_KilledAtSeveralPoints_OutputsMatchUninterruptedRun()
    {
        // Two real days of BAC and IBM (1.56 M ticks and quotes), a checkpoint every 200,000 frames.
        AssertKillsResumeExactly(
            name => ["backtest", "--data", SharedData.LeanDataRoot!, "--symbols", "bac,ibm", "--from", "2013-10-07", "--to", "2013-10-08", "--fee-bps", "1", "--progress", "none",
                "--out", _temp.Combine(name), "--state", _temp.Combine(name + "-state"), "--checkpoint-every", "200000"],
            seed: 7,
            randomKills: 3);
    }

    [SoakFact]
    public void Soak_OnTheWholeRealWeek_KilledManyTimesAtRandom_OutputsMatchUninterruptedRun()
    {
        // Opt-in (ROBOTRADER_SOAK=1): all four symbols for the whole week, 15 kills at random moments, a fresh seed each
        // run (printed, so a failure can be replayed with ROBOTRADER_SOAK_SEED).
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ROBOTRADER_SOAK_SEED"), out var s) ? s : Environment.TickCount;
        output.WriteLine($"seed {seed}");
        AssertKillsResumeExactly(
            name => ["backtest", "--data", SharedData.LeanDataRoot!, "--symbols", "aig,bac,ibm,spy", "--from", "2013-10-07", "--to", "2013-10-11", "--fee-bps", "1", "--progress", "none",
                "--out", _temp.Combine(name), "--state", _temp.Combine(name + "-state"), "--checkpoint-every", "500000"],
            seed,
            randomKills: 15);
    }

    private void AssertKillsResumeExactly(Func<string, string[]> Args, int seed, int randomKills)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, CliRunner.RunProcessKilledAfter(TimeSpan.FromMinutes(5), Args("reference")));
        var uninterrupted = started.Elapsed;

        // Kill at random moments (seeded: a failure reproduces) until one run gets through; the last tries run to the end.
        var random = new Random(seed);
        var kills = 0;
        var resumedFromCheckpoint = 0;
        for (var attempt = 0; ; attempt++)
        {
            Assert.True(attempt < randomKills + 25, "the run never completed");
            if (File.Exists(Path.Combine(_temp.Combine("crash-state"), "manifest.json")))
            {
                resumedFromCheckpoint++;
            }

            // The first kill comes shortly after the first checkpoint (so a resume is certain), the next ones at random
            // moments, and after those the run may finish.
            var manifest = Path.Combine(_temp.Combine("crash-state"), "manifest.json");
            var outcome = attempt switch
            {
                0 => CliRunner.RunProcessKilledAfter(TimeSpan.FromMilliseconds(random.Next(0, 300)), () => File.Exists(manifest), Args("crash")),
                _ when attempt <= randomKills => CliRunner.RunProcessKilledAfter(TimeSpan.FromMilliseconds(uninterrupted.TotalMilliseconds * (0.15 + (0.45 * random.NextDouble()))), Args("crash")),
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
