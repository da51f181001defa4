using System.CommandLine;
using System.Globalization;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Cli.Commands;

/// <summary><c>robotrader journal export</c>: reads an input journal back, as a replayable recording or JSON lines.</summary>
public static class JournalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var state = new Option<string>("--state") { Description = "the state folder of a run (backtest --state)", Required = true };
        var format = new Option<string>("--format") { Description = "msgpack (a recording: backtest --recording replays it) or jsonl", Required = true };
        var outFile = new Option<string>("--out") { Description = "file to write", Required = true };
        var export = new Command("export", "Export the journal's committed records.") { state, format, outFile };
        export.SetAction(parse =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("msgpack" or "jsonl"))
            {
                throw new UsageException($"--format '{kind}' is not msgpack or jsonl");
            }

            var path = parse.GetValue(outFile)!;
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var journalDir = Path.Combine(parse.GetValue(state)!, StateFiles.JournalFolder);
            var count = kind == "msgpack"
                ? JournalExporter.ExportMessagePack(journalDir, stream)
                : JournalExporter.ExportJsonLines(journalDir, stream);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {count} records to {path}"));
            return ExitCodes.Ok;
        });
        var command = new Command("journal", "Read the input journal.");
        command.Subcommands.Add(export);
        return command;
    }
}
