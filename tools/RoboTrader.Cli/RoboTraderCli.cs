using System.CommandLine;
using RoboTrader.Cli.Commands;
using RoboTrader.Cli.Config;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Cli;

/// <summary>
/// The <c>robotrader</c> command line: <c>backtest</c>, <c>generate</c>, <c>demo</c>, <c>replay</c>, <c>deadletters</c>, .... Every error is one line on
/// standard error and a non-zero exit code: 2 for a bad command line or configuration, 1 for a failed run.
/// </summary>
public static class RoboTraderCli
{
    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var root = new RootCommand("RoboTrader.Engine: a headless, high-throughput streaming trading engine.");
        root.Subcommands.Add(BacktestCommand.Create(output));
        root.Subcommands.Add(GenerateCommand.Create(output));
        root.Subcommands.Add(DemoCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(JournalCommand.Create(output));
        root.Subcommands.Add(LedgerCommand.Create(output));
        root.Subcommands.Add(ReplayCommand.Create(output));
        root.Subcommands.Add(DeadLettersCommand.Create(output));
        root.Subcommands.Add(ReportCommand.Create(output));

        ConfigFile? config;
        try
        {
            args = ConfigFile.Expand(root, args, out config);
        }
        catch (UsageException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        string Explain(string message) => config?.Explain(message) ?? message;

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine("error: " + Explain(parsed.Errors[0].Message));
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            error.WriteLine("error: " + Explain(ex.Message));
            return ExitCodes.Usage;
        }
        catch (EngineException ex)
        {
            error.WriteLine("error: " + Explain(OneLine(ex.Message)));
            return ex.Error.Category == ErrorCategory.Configuration ? ExitCodes.Usage : ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + OneLine(ex.Message));
            return ExitCodes.Failed;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
