using System.CommandLine;

namespace RoboTrader.Cli.Commands;

/// <summary><c>robotrader report --out DIR</c>: (re)writes report.html and stats.json from a backtest's output folder.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out") { Description = "a backtest's output folder (holds trades.csv, equity.csv, summary.json)", Required = true };
        var settings = new ReportSettings();
        var command = new Command("report", "Write report.html (self-contained: inline SVG charts, no scripts) and stats.json from a backtest's output folder.") { outDir };
        settings.AddTo(command);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(outDir)!;
            if (!Directory.Exists(dir))
            {
                throw new UsageException($"--out '{dir}' does not exist");
            }

            ReportSettings.Write(output, dir, settings.ToOptions(parse));
            return ExitCodes.Ok;
        });
        return command;
    }
}
