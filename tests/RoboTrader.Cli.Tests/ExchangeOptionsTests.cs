using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary>The simulated exchange's options: bad values stop start-up naming the option; they are part of a run's settings.</summary>
public sealed class ExchangeOptionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["--fill-model", "mid"], "--fill-model 'mid' is not next-tick, quote or bar" },
        { ["--fill-model", "bar"], "--fill-model bar fills on minute bars" },
        { ["--latency-ms", "-5"], "--latency-ms must not be negative" },
        { ["--slippage-bps", "-1"], "--slippage-bps '-1' is not a non-negative decimal" },
        { ["--slippage-ticks", "-1"], "--slippage-ticks must not be negative" },
        { ["--slippage-bps", "1", "--slippage-ticks", "1"], "--slippage-bps and --slippage-ticks cannot both be set" },
        { ["--tick-size", "0"], "--tick-size must be greater than 0" },
        { ["--fee-per-share", "x"], "--fee-per-share 'x'" },
        { ["--fee-min", "-0.5"], "--fee-min '-0.5'" },
        { ["--initial-cash", "-1"], "--initial-cash '-1'" },
        { ["--equity-interval", "0m"], "--equity-interval '0m' is not a positive duration" },
        { ["--market-close", "25:00"], "--market-close '25:00' is not a time" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Backtest_BadExchangeOption_OneLineNamingItAndExitCode2(string[] options, string expected)
    {
        var outcome = CliRunner.Run(["backtest", "--data", _temp.Path, "--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-07", "--out", _temp.Combine("out"), .. options]);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ResumeWithAnotherFillModel_IsRefused()
    {
        var data = _temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("generate", "--out", data, "--symbols", "aaa", "--from", "2024-01-08", "--to", "2024-01-08", "--ticks-per-day", "2000").ExitCode);
        string[] Args(params string[] extra) => ["backtest", "--data", data, "--symbols", "aaa", "--from", "2024-01-08", "--to", "2024-01-08",
            "--fast", "5", "--slow", "20", "--out", _temp.Combine("out"), "--state", _temp.Combine("state"), "--checkpoint-every", "500", .. extra];

        Assert.Equal(0, CliRunner.Run(Args("--fill-model", "quote", "--latency-ms", "3")).ExitCode);
        var other = CliRunner.Run(Args("--fill-model", "quote", "--latency-ms", "4"));

        Assert.NotEqual(0, other.ExitCode);
        Assert.Contains("LatencyMs = 3", other.Error, StringComparison.Ordinal);
        Assert.Contains("LatencyMs = 4", other.Error, StringComparison.Ordinal);
    }
}
