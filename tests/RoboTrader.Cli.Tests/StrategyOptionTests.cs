namespace RoboTrader.Cli.Tests;

/// <summary>The mean-reversion and breakout options of <c>backtest</c> are validated with one line naming the option (exit code 2).</summary>
public sealed class StrategyOptionTests
{
    private static CliRunner.Outcome Backtest(params string[] extra)
        => CliRunner.Run(["backtest", "--data", "/nonexistent", "--symbols", "spy", "--from", "2013-10-07", "--to", "2013-10-07", "--out", "/tmp/unused", .. extra]);

    [Theory]
    [InlineData("--mr-window", "1", "--mr-window must be between 2 and 65536 (got 1)")]
    [InlineData("--mr-window", "65537", "--mr-window must be between 2 and 65536 (got 65537)")]
    [InlineData("--mr-entry-z", "0", "--mr-entry-z must be positive and at most 10000 (got 0)")]
    [InlineData("--mr-entry-z", "10000.5", "--mr-entry-z must be positive and at most 10000 (got 10000.5)")]
    [InlineData("--mr-entry-z", "two", "--mr-entry-z 'two' is not a non-negative decimal number with at most 8 decimals")]
    [InlineData("--mr-exit-z", "2", "--mr-exit-z must be at least 0 and below --mr-entry-z 2 (got 2)")]
    [InlineData("--mr-exit-z", "-0.5", "--mr-exit-z '-0.5' is not a non-negative decimal number with at most 8 decimals")]
    [InlineData("--tick-size", "0", "--tick-size must be greater than 0")]
    public void Backtest_BadMeanReversionOption_UsageErrorNamingIt(string option, string value, string message)
    {
        var result = Backtest("--strategy", "mean-reversion", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: " + message, result.Error.TrimEnd());
    }

    [Theory]
    [InlineData("--breakout-lookback", "0", "--breakout-lookback must be between 1 and 10000 (got 0)")]
    [InlineData("--breakout-take-profit", "50", "--breakout-take-profit '50' is not a distance such as 50bps or 10ticks")]
    [InlineData("--breakout-take-profit", "0bps", "--breakout-take-profit must be a positive distance of at most 10000bps or 1000000ticks, such as 50bps or 10ticks (got 0bps)")]
    [InlineData("--breakout-stop-loss", "2.5ticks", "--breakout-stop-loss '2.5ticks' is not a distance such as 50bps or 10ticks")]
    [InlineData("--breakout-stop-loss", "10001bps", "--breakout-stop-loss must be a positive distance of at most 10000bps or 1000000ticks, such as 25bps or 5ticks (got 10001bps)")]
    public void Backtest_BadBreakoutOption_UsageErrorNamingIt(string option, string value, string message)
    {
        var result = Backtest("--strategy", "breakout", "--resolution", "minute", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: " + message, result.Error.TrimEnd());
    }

    [Fact]
    public void Backtest_BreakoutOnTicks_RefusedBeforeAnyDataIsOpened()
    {
        var result = Backtest("--strategy", "breakout");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --strategy breakout trades on minute bars, but the input has trade ticks: use --resolution minute", result.Error.TrimEnd());
    }

    [Theory]
    [InlineData("mean-reversion")]
    [InlineData("breakout")]
    public void Backtest_SignalGateWithOrderStrategies_UsageError(string strategy)
    {
        var result = Backtest("--strategy", strategy, "--resolution", "minute", "--signal-gate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--signal-gate applies to sma-cross", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_UnknownStrategy_ListsTheNewOnes()
        => Assert.Contains("known: sma-cross, signal-follow, mean-reversion, breakout", Backtest("--strategy", "momentum").Error, StringComparison.Ordinal);
}
