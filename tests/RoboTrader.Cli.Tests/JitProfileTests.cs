using RoboTrader.Cli;

namespace RoboTrader.Cli.Tests;

/// <summary>Where multi-core JIT profiles go and what each command's is called.</summary>
public sealed class JitProfileTests
{
    [Theory]
    [InlineData(null, "/x/cache", "/home/u", "/x/cache/robotrader/jit")]
    [InlineData("", null, "/home/u", "/home/u/.cache/robotrader/jit")]
    [InlineData("/tmp/profiles", "/x/cache", "/home/u", "/tmp/profiles")]
    [InlineData("off", "/x/cache", "/home/u", null)]
    [InlineData("OFF", null, null, null)]
    [InlineData(null, null, null, null)] // nowhere to put them: off
    public void Folder_AskedThenXdgThenHome(string? asked, string? xdg, string? home, string? expected)
        => Assert.Equal(expected, JitProfile.Folder(asked, xdg, home));

    [Theory]
    [InlineData(new[] { "backtest", "--data", "d", "--out", "o" }, "backtest.jitprofile")]
    [InlineData(new[] { "backtest", "--data", "d", "--state", "s" }, "backtest-state.jitprofile")]
    [InlineData(new[] { "backtest", "--state=s" }, "backtest-state.jitprofile")]
    [InlineData(new[] { "bench", "durability", "--events", "10" }, "bench-durability.jitprofile")]
    [InlineData(new[] { "journal", "export", "extra", "--state", "s" }, "journal-export-state.jitprofile")]
    [InlineData(new[] { "Demo/../x" }, "demo____x.jitprofile")] // no separator or dot survives
    [InlineData(new string[0], "robotrader.jitprofile")]
    public void Name_CommandWordsAndStateFlag(string[] args, string expected)
        => Assert.Equal(expected, JitProfile.Name(args));

    [Fact]
    public void Start_UncreatableAskedFolder_OneWarningAndOff()
    {
        var file = Path.GetTempFileName(); // a file where the folder should be
        try
        {
            var error = WithVariable(Path.Combine(file, "sub"), e => Assert.Null(JitProfile.Start(["backtest"], e)));

            Assert.StartsWith($"warning: {JitProfile.Variable}: cannot use '{Path.Combine(file, "sub")}'", error);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Start_Off_NothingStartedNothingSaid()
        => Assert.Equal(string.Empty, WithVariable("off", e => Assert.Null(JitProfile.Start(["backtest"], e))));

    /// <summary>Runs <paramref name="act"/> with the variable set to <paramref name="value"/>; returns what it wrote to its error writer.</summary>
    private static string WithVariable(string value, Action<TextWriter> act)
    {
        var previous = Environment.GetEnvironmentVariable(JitProfile.Variable);
        try
        {
            Environment.SetEnvironmentVariable(JitProfile.Variable, value);
            var error = new StringWriter();
            act(error);
            return error.ToString();
        }
        finally
        {
            Environment.SetEnvironmentVariable(JitProfile.Variable, previous);
        }
    }
}
