using System.CommandLine;
using System.Globalization;
using RoboTrader.Adapters.Files;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Persistence;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// <c>robotrader deadletters list|export|replay --out &lt;dir&gt;</c>: reads a run's deadletters.jsonl back — a summary
/// table, the raw frames byte for byte, or a re-run of the frames through the pipeline (after a parser fix).
/// </summary>
public static class DeadLettersCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("deadletters", "Read back the dead letters of a run (its --out folder).");
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Export(output));
        command.Subcommands.Add(Replay(output));
        return command;
    }

    private static Option<string> OutOption() => new("--out") { Description = "the run's output folder (holds deadletters.jsonl)", Required = true };

    private static IReadOnlyList<DeadLetter> Read(ParseResult parse, Option<string> outDir)
    {
        var path = DeadLetterReader.PathIn(parse.GetValue(outDir)!);
        if (!File.Exists(path))
        {
            throw new UsageException($"--out '{parse.GetValue(outDir)}' has no deadletters.jsonl");
        }

        return DeadLetterReader.ReadAll(path);
    }

    private static Command List(TextWriter output)
    {
        var outDir = OutOption();
        var list = new Command("list", "Print the count of dead letters by source, format and reason.") { outDir };
        list.SetAction(parse =>
        {
            var letters = Read(parse, outDir);
            var rows = letters
                .GroupBy(l => (Source: l.Source ?? "-", Format: l.Format ?? "-", l.Reason))
                .Select(g => (g.Key.Source, g.Key.Format, g.Key.Reason, Count: g.LongCount()))
                .OrderByDescending(r => r.Count)
                .ThenBy(r => r.Source, StringComparer.Ordinal)
                .ThenBy(r => r.Format, StringComparer.Ordinal)
                .ThenBy(r => r.Reason, StringComparer.Ordinal)
                .ToList();
            var sourceWidth = Math.Max("source".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Source.Length));
            var formatWidth = Math.Max("format".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Format.Length));
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{"count",8}  {"source".PadRight(sourceWidth)}  {"format".PadRight(formatWidth)}  reason"));
            foreach (var row in rows)
            {
                output.WriteLine(string.Create(c, $"{row.Count,8}  {row.Source.PadRight(sourceWidth)}  {row.Format.PadRight(formatWidth)}  {row.Reason}"));
            }

            output.WriteLine(string.Create(c, $"{letters.Count,8}  total"));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Export(TextWriter output)
    {
        var outDir = OutOption();
        var to = new Option<string>("--to") { Description = "file to write: the raw frames, each followed by '\\n', byte for byte", Required = true };
        var export = new Command("export", "Write the dead-lettered frames, one per line, exactly as they were received.") { outDir, to };
        export.SetAction(parse =>
        {
            var letters = Read(parse, outDir);
            var path = parse.GetValue(to)!;
            var ambiguous = 0;
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                foreach (var letter in letters)
                {
                    stream.Write(letter.Frame);
                    stream.WriteByte((byte)'\n');
                    if (letter.Frame.AsSpan().IndexOf((byte)'\n') >= 0 || (letter.Frame.Length > 0 && letter.Frame[^1] == (byte)'\r') || letter.Frame.Length == 0)
                    {
                        ambiguous++;
                    }
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {letters.Count} frames to {path}"));
            if (ambiguous > 0)
            {
                // The bytes are exact; only reading the file back as lines would split or trim these frames.
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {ambiguous} frames are empty, hold a '\\n' or end in '\\r': read back line by line they differ"));
            }

            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command Replay(TextWriter output)
    {
        var outDir = OutOption();
        var to = new Option<string>("--to") { Description = "output folder of the replay (default: <out>/deadletters-replay)" };
        var format = new Option<string>("--format") { Description = "lean-csv, jsonl, binance or signals: the parser chain to run every frame through", Required = true };
        var symbols = new Option<string>("--symbols") { Description = "comma-separated symbols the frames may name (jsonl, binance, signals)" };
        var symbol = new Option<string>("--symbol") { Description = "lean-csv: the symbol of every row" };
        var date = new Option<string>("--date") { Description = "lean-csv: the trading date of the rows, yyyy-MM-dd" };
        var leanKind = new Option<string>("--lean-kind") { Description = "lean-csv: trade-tick, quote-tick, trade-bar or quote-bar", DefaultValueFactory = _ => "trade-tick" };
        var settings = new BacktestSettings();
        var replay = new Command("replay", "Re-publish the dead-lettered frames through the pipeline (after a parser fix); write a new summary.")
        {
            outDir, to, format, symbols, symbol, date, leanKind,
        };
        settings.AddTo(replay);
        replay.SetAction(parse =>
        {
            var letters = Read(parse, outDir);
            var path = DeadLetterReader.PathIn(parse.GetValue(outDir)!);
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("deadletters", Path.GetFullPath(path)),
                new("format", parse.GetValue(format) ?? string.Empty),
            };
            var (descriptor, table) = ReplayCommand.Describe(parse, format, symbols, symbol, date, leanKind, "deadletters.jsonl", parameters);
            var replayDir = parse.GetValue(to) ?? Path.Combine(parse.GetValue(outDir)!, "deadletters-replay");
            if (Path.GetFullPath(replayDir) == Path.GetFullPath(parse.GetValue(outDir)!))
            {
                throw new UsageException("--to must not be the --out folder: the replay would overwrite the dead letters it reads");
            }

            Directory.CreateDirectory(replayDir);
            var options = settings.ToOptions(parse, replayDir, parameters);
            var summary = BacktestRunner.Run(new MemoryFrameSource(descriptor, table, letters.Select(l => l.Frame).ToList()), options);
            var parsed = summary.ParsedStrict + summary.ParsedLenient + summary.ParsedBasic;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"replayed {summary.Events} dead letters: {parsed} now parse (strict {summary.ParsedStrict}  lenient {summary.ParsedLenient}  basic {summary.ParsedBasic}), {summary.DeadLettered} still dead-lettered"));
            output.WriteLine($"wrote {Path.Combine(replayDir, "summary.json")} and {DeadLetterReader.PathIn(replayDir)}");
            return ExitCodes.Ok;
        });
        return replay;
    }
}
