namespace RoboTrader.Cli.Tests;

/// <summary>The signal options of <c>backtest</c>/<c>replay</c> are validated with one clear line each.</summary>
public sealed class SignalOptionTests
{
    private static CliRunner.Outcome Backtest(params string[] extra)
        => CliRunner.Run(["backtest", "--data", "/nonexistent", "--symbols", "spy", "--from", "2013-10-07", "--to", "2013-10-07", "--out", "/tmp/unused", .. extra]);

    [Theory]
    [InlineData("30x")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("m")]
    [InlineData("1.5h")]
    public void Backtest_BadSignalWindow_UsageErrorNamingOption(string window)
    {
        var result = Backtest("--strategy", "signal-follow", "--signal-window", window);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --signal-window '{window}' is not a positive duration (e.g. 90s, 30m, 2h, 1d)", result.Error.TrimEnd());
    }

    [Fact]
    public void Backtest_SignalWindowWithoutSignalUse_UsageError()
    {
        var result = Backtest("--signal-window", "30m");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--signal-window applies only with --signal-gate or --strategy signal-follow", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_GateWithSignalFollow_UsageError()
    {
        var result = Backtest("--strategy", "signal-follow", "--signal-gate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--signal-gate applies to sma-cross", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_UnknownStrategy_ListsSignalFollow()
        => Assert.Contains("known: sma-cross, signal-follow", Backtest("--strategy", "momentum").Error, StringComparison.Ordinal);
}
