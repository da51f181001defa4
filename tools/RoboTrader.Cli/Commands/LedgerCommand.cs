using System.CommandLine;
using System.Globalization;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Persistence;

namespace RoboTrader.Cli.Commands;

/// <summary><c>robotrader ledger export</c>: reads a run's ledger (orders and fills) back as CSV or JSON lines.</summary>
public static class LedgerCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var state = new Option<string>("--state") { Description = "the state folder of a run (backtest --state)", Required = true };
        var format = new Option<string>("--format") { Description = "csv or jsonl", Required = true };
        var outFile = new Option<string>("--out") { Description = "file to write", Required = true };
        var export = new Command("export", "Export the ledger's committed records.") { state, format, outFile };
        export.SetAction(parse =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("csv" or "jsonl"))
            {
                throw new UsageException($"--format '{kind}' is not csv or jsonl");
            }

            var path = parse.GetValue(outFile)!;
            var ledgerDir = Path.Combine(parse.GetValue(state)!, StateFiles.LedgerFolder);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var count = kind == "csv" ? LedgerExporter.ExportCsv(ledgerDir, stream) : LedgerExporter.ExportJsonLines(ledgerDir, stream);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {count} ledger records to {path}"));
            return ExitCodes.Ok;
        });
        var command = new Command("ledger", "Read a run's ledger of orders and fills.");
        command.Subcommands.Add(export);
        return command;
    }
}
