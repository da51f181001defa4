using System.CommandLine;
using System.Globalization;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Cli.Commands;

/// <summary><c>robotrader journal export</c>: reads an input journal back, as a replayable recording or JSON lines.</summary>
public static class JournalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var journal = new Option<string>("--journal") { Description = "the journal folder (backtest --journal)", Required = true };
        var format = new Option<string>("--format") { Description = "msgpack (a recording: backtest --recording replays it) or jsonl", Required = true };
        var outFile = new Option<string>("--out") { Description = "file to write", Required = true };
        var export = new Command("export", "Export the journal's committed records.") { journal, format, outFile };
        export.SetAction(parse =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("msgpack" or "jsonl"))
            {
                throw new UsageException($"--format '{kind}' is not msgpack or jsonl");
            }

            var path = parse.GetValue(outFile)!;
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var count = kind == "msgpack"
                ? JournalExporter.ExportMessagePack(parse.GetValue(journal)!, stream)
                : JournalExporter.ExportJsonLines(parse.GetValue(journal)!, stream);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {count} records to {path}"));
            return ExitCodes.Ok;
        });
        var command = new Command("journal", "Read the input journal.");
        command.Subcommands.Add(export);
        return command;
    }
}
