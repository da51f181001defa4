namespace RoboTrader.Cli;

/// <summary>Entry point of the <c>robotrader</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args) => RoboTraderCli.Run(args, Console.Out, Console.Error);
}
