namespace RoboTrader.Cli;

/// <summary>Entry point of the <c>robotrader</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        JitProfile.Start(args, Console.Error); // compiles what the last run of this command compiled, on the idle core
        return RoboTraderCli.Run(args, Console.Out, Console.Error);
    }
}
