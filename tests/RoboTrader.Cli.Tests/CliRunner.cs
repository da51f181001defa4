using System.Diagnostics;

namespace RoboTrader.Cli.Tests;

/// <summary>Runs the command line in-process or as a child process and captures its output.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RoboTraderCli.Run(args, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The built <c>robotrader</c> executable with <paramref name="args"/>. Its JIT profiles go to a folder of the test
    /// runs (not the user's cache): children run at once and are killed mid-run, which the profiles must survive.
    /// </summary>
    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "robotrader.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment[JitProfile.Variable] = Path.Combine(Path.GetTempPath(), "robotrader-tests-jit");
        info.Environment[BacktestWarmUp.Variable] = "off"; // small inputs: nothing to win, a second backtest to pay for
        return info;
    }

    /// <summary>Runs the built <c>robotrader</c> executable as a separate process (the real exit-code path).</summary>
    public static Outcome RunProcess(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("robotrader did not exit within 5 minutes");
        }

        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the real executable and kills it (kill -9, the whole tree) after <paramref name="killAfter"/>; null when killed.</summary>
    public static int? RunProcessKilledAfter(TimeSpan killAfter, params string[] args) => RunProcessKilledAfter(killAfter, null, args);

    /// <summary>
    /// Starts the real executable and kills it (kill -9, the whole tree) <paramref name="killAfter"/> after
    /// <paramref name="armed"/> first holds (polled; null: from the start); null when killed.
    /// </summary>
    public static int? RunProcessKilledAfter(TimeSpan killAfter, Func<bool>? armed, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        while (armed is not null && !armed())
        {
            if (process.WaitForExit(TimeSpan.FromMilliseconds(5)))
            {
                break;
            }
        }

        if (!process.WaitForExit(killAfter))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return null;
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result + stdout.Result);
        return process.ExitCode;
    }
}
