using System.CommandLine;
using System.Globalization;
using RoboTrader.Adapters.Lean;
using RoboTrader.Engine.Backtest;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// <c>robotrader demo</c>: the engine's main job on data it makes itself — generates a week of synthetic tick data
/// for three symbols in LEAN's layout, then backtests sma-cross on it through the full pipeline and writes the report
/// (report.html, stats.json) beside the outputs.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out") { Description = "output folder (data/ and backtest/ are written below it)", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var ticks = new Option<int>("--ticks-per-day") { Description = "approximate trade ticks per symbol and day", DefaultValueFactory = _ => 200_000 };
        var settings = new BacktestSettings();
        var command = new Command("demo", "Generate synthetic LEAN data and backtest it end to end (no external data needed).")
        {
            outDir, ticks,
        };
        settings.AddTo(command);
        command.SetAction(parse =>
        {
            var root = parse.GetValue(outDir)!;
            var dataRoot = Path.Combine(root, "data");
            var symbols = new[] { "AAA", "BBB", "CCC" };
            var from = new DateOnly(2024, 1, 8);
            var to = new DateOnly(2024, 1, 12);
            var generatorOptions = GenerateCommand.Options(symbols, from, to, seed: 42, parse.GetValue(ticks));
            var files = new LeanDataGenerator(generatorOptions).Generate(dataRoot);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {files.Count} files of synthetic LEAN data under {dataRoot}"));

            var resolution = settings.Resolution(parse);
            var options = settings.ToOptions(parse, Path.Combine(root, "backtest"), BacktestCommand.LeanParameters(dataRoot, symbols, from, to, resolution));
            var summary = BacktestRunner.Run(new LeanDataSource(dataRoot, symbols, from, to, resolution), options);
            BacktestCommand.Report(output, summary, options.OutputDirectory);
            ReportSettings.Write(output, options.OutputDirectory, Engine.Reporting.ReportOptions.Default);
            return ExitCodes.Ok;
        });
        return command;
    }
}
