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
        var previous = Environment.GetEnvironmentVariable(JitProfile.Variable);
        try
        {
            Environment.SetEnvironmentVariable(JitProfile.Variable, Path.Combine(file, "sub"));
            var error = new StringWriter();

            Assert.Null(JitProfile.Start(["backtest"], error));
            Assert.StartsWith($"warning: {JitProfile.Variable}: cannot use '{Path.Combine(file, "sub")}'", error.ToString());
            Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Environment.SetEnvironmentVariable(JitProfile.Variable, previous);
            File.Delete(file);
        }
    }

    [Fact]
    public void Start_Off_NothingStartedNothingSaid()
    {
        var previous = Environment.GetEnvironmentVariable(JitProfile.Variable);
        try
        {
            Environment.SetEnvironmentVariable(JitProfile.Variable, "off");
            var error = new StringWriter();

            Assert.Null(JitProfile.Start(["backtest"], error));
            Assert.Equal(string.Empty, error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(JitProfile.Variable, previous);
        }
    }
}
