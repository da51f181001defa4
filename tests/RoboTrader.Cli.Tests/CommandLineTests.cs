using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>Bad command lines give one clear line on standard error and a non-zero exit code.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string[] Backtest(params string[] overrides)
    {
        var args = new Dictionary<string, string>
        {
            ["--data"] = _temp.Path,
            ["--symbols"] = "bac,ibm",
            ["--from"] = "2013-10-07",
            ["--to"] = "2013-10-08",
            ["--out"] = _temp.Combine("out"),
        };
        var extra = new List<string>();
        for (var i = 0; i < overrides.Length; i += 2)
        {
            if (overrides[i + 1] is null)
            {
                args.Remove(overrides[i]);
            }
            else if (args.ContainsKey(overrides[i]))
            {
                args[overrides[i]] = overrides[i + 1];
            }
            else
            {
                extra.Add(overrides[i]);
                extra.Add(overrides[i + 1]);
            }
        }

        return ["backtest", .. args.SelectMany(a => new[] { a.Key, a.Value }), .. extra];
    }

    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["--bogus", "1"], "--bogus" },
        { ["--from", "2013-13-01"], "--from '2013-13-01' is not a date" },
        { ["--to", "yesterday"], "--to 'yesterday' is not a date" },
        { ["--from", "2013-10-09"], "is after --to" },
        { ["--strategy", "moon"], "--strategy 'moon' is not known" },
        { ["--fee-bps", "-1"], "--fee-bps '-1' is not a non-negative decimal" },
        { ["--qty", "0"], "--qty must be greater than 0" },
        { ["--fast", "0"], "--fast must be at least 1" },
        { ["--fast", "ten"], "ten" },
        { ["--resolution", "hour"], "--resolution 'hour'" },
        { ["--ring-size", "1000"], "--ring-size must be a power of two" },
        { ["--placement", "parse|risk|decide,execute,persist"], "must be fused" },
        { ["--wait", "busy-spin|sleeping"], "--wait gives 2 strategies for 1 placement groups" },
        { ["--placement", "parse|risk,decide,execute,persist", "--wait", "busy-spin|nap"], "--wait 'nap' is not busy-spin, yielding, sleeping or blocking" },
        { ["--symbols", ","], "--symbols needs at least one symbol" },
        { ["--price-band-pct", "0"], "price-band-pct must be between 1 and 100" },
        { ["--durability", "commit-before-execute"], "--durability applies with --state" },
        { ["--state", "st", "--durability", "eventually"], "--durability must be async or commit-before-execute, not 'eventually'" },
        { ["--state", "st", "--journal-retention", "forever"], "--journal-retention must be keep-all or since-previous-checkpoint, not 'forever'" },
        { ["--state", "st", "--journal-thread", "any"], "--journal-thread must be consumer or producer, not 'any'" },
        { ["--checkpoint-interval", "5s"], "--checkpoint-interval applies with --state" },
        { ["--state", "st", "--checkpoint-interval", "0s"], "--checkpoint-interval '0s' is not a positive duration (e.g. 90s, 30m, 2h, 1d)" },
        { ["--state", "st", "--checkpoint-interval", "5"], "--checkpoint-interval '5' is not a positive duration (e.g. 90s, 30m, 2h, 1d)" },
        { ["--journal-thread", "producer"], "--journal-thread applies with --state" },
        { ["--state", "st", "--journal-compression", "zip"], "--journal-compression must be none, brotli or delta, not 'zip'" },
        { ["--journal-compression", "brotli"], "--journal-compression applies with --state" },
        { ["--journal-compression", "delta"], "--journal-compression applies with --state" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void Backtest_BadOption_OneLineErrorAndExitCode2(string[] overrides, string expected)
    {
        var outcome = CliRunner.Run(Backtest(overrides));

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_MissingRequiredOption_NamesIt()
    {
        var outcome = CliRunner.Run(Backtest("--data", null!));
        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains("--data", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_MissingDataRoot_NamesThePath()
    {
        var missing = _temp.Combine("nowhere");
        var outcome = CliRunner.Run(Backtest("--data", missing));

        Assert.NotEqual(ExitCodes.Ok, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Executable_UnknownOption_ExitsNonZeroWithOneLine()
    {
        var outcome = CliRunner.RunProcess(Backtest("--bogus", "1"));

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
