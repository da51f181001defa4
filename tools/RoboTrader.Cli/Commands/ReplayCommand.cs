using System.CommandLine;
using System.Globalization;
using RoboTrader.Adapters.Files;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// <c>robotrader replay</c>: runs any file of frames (one per line) through the full pipeline with parse fallback,
/// and writes summary.json (with parsed_strict, parsed_lenient, parsed_basic, dead_lettered) and deadletters.jsonl.
/// </summary>
public static class ReplayCommand
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static readonly string[] Formats = ["lean-csv", "jsonl", "binance", "signals"];

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var input = new Option<string>("--input") { Description = "file of frames, one per line", Required = true };
        var format = new Option<string>("--format") { Description = "lean-csv, jsonl, binance or signals", Required = true };
        var symbols = new Option<string>("--symbols") { Description = "comma-separated symbols the frames may name (jsonl, binance, signals), e.g. BNBBTC,BNBUSDT" };
        var symbol = new Option<string>("--symbol") { Description = "lean-csv: the symbol of every row" };
        var date = new Option<string>("--date") { Description = "lean-csv: the trading date of the rows, yyyy-MM-dd" };
        var leanKind = new Option<string>("--lean-kind") { Description = "lean-csv: trade-tick, quote-tick, trade-bar or quote-bar", DefaultValueFactory = _ => "trade-tick" };
        var outDir = new Option<string>("--out") { Description = "output folder", Required = true };
        var settings = new BacktestSettings();
        var command = new Command("replay", "Replay a file of frames (one per line) through the pipeline; write summary.json and deadletters.jsonl.")
        {
            input, format, symbols, symbol, date, leanKind, outDir,
        };
        settings.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var formatName = parse.GetValue(format);
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("input", Path.GetFullPath(path)),
                new("format", formatName ?? string.Empty),
            };
            var (descriptor, table) = Describe(parse, format, symbols, symbol, date, leanKind, Path.GetFileName(path), parameters);
            var source = new LineFileSource(path, descriptor, table);

            var options = settings.ToOptions(parse, parse.GetValue(outDir)!, parameters);
            var summary = BacktestRunner.Run(source, options);
            BacktestCommand.Report(output, summary, options.OutputDirectory);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"parsed strict {summary.ParsedStrict}  lenient {summary.ParsedLenient}  basic {summary.ParsedBasic}  dead-lettered {summary.DeadLettered}  signals {summary.Signals}  commands {summary.Commands}  blank lines {source.BlankLines}"));
            output.WriteLine($"wrote {Path.Combine(options.OutputDirectory, "deadletters.jsonl")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Builds the source descriptor of <c>--format</c> and its companions; adds them to <paramref name="parameters"/>.</summary>
    internal static (SourceDescriptor Descriptor, SymbolTable Symbols) Describe(
        ParseResult parse,
        Option<string> format,
        Option<string> symbols,
        Option<string> symbol,
        Option<string> date,
        Option<string> leanKind,
        string name,
        List<KeyValuePair<string, string>> parameters)
    {
        var formatName = parse.GetValue(format);
        if (formatName == "lean-csv")
        {
            var ticker = CliValues.Symbols("--symbol", parse.GetValue(symbol)).Single();
            var day = CliValues.Date("--date", parse.GetValue(date));
            var frameFormat = parse.GetValue(leanKind) switch
            {
                "trade-tick" => FrameFormat.LeanTradeTick,
                "quote-tick" => FrameFormat.LeanQuoteTick,
                "trade-bar" => FrameFormat.LeanTradeBar,
                "quote-bar" => FrameFormat.LeanQuoteBar,
                var other => throw new UsageException($"--lean-kind '{other}' is not trade-tick, quote-tick, trade-bar or quote-bar"),
            };
            var single = new SymbolTable([ticker]);
            parameters.Add(new("symbols", ticker));
            parameters.Add(new("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return (new SourceDescriptor(new SymbolId(0), frameFormat, day, "America/New_York", 4, name, single), single);
        }

        var multiFormat = formatName switch
        {
            "jsonl" => FrameFormat.JsonLines,
            "binance" => FrameFormat.BinanceSpot,
            "signals" => FrameFormat.TaskInputs,
            var other => throw new UsageException($"--format '{other}' is not one of {string.Join(", ", Formats)}"),
        };
        var table = new SymbolTable(CliValues.Symbols("--symbols", parse.GetValue(symbols)));
        parameters.Add(new("symbols", string.Join(',', table.Tickers)));
        return (new SourceDescriptor(SymbolId.None, multiFormat, new DateOnly(1970, 1, 1), "UTC", 8, name, table), table);
    }
}
