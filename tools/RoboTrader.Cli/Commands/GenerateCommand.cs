using System.CommandLine;
using System.Globalization;
using RoboTrader.Adapters.Lean;

namespace RoboTrader.Cli.Commands;

/// <summary><c>robotrader generate</c>: writes deterministic synthetic data in LEAN's equity layout.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out") { Description = "data root to write (equity/usa/... is created below it)", Required = true };
        var symbols = new Option<string>("--symbols") { Description = "comma-separated tickers", DefaultValueFactory = _ => "aaa,bbb,ccc" };
        var from = new Option<string>("--from") { Description = "first date, yyyy-MM-dd", DefaultValueFactory = _ => "2024-01-08" };
        var to = new Option<string>("--to") { Description = "last date, yyyy-MM-dd (weekends are skipped)", DefaultValueFactory = _ => "2024-01-12" };
        var seed = new Option<ulong>("--seed") { Description = "random seed: the same seed gives byte-identical files", DefaultValueFactory = _ => 1UL };
        var ticks = new Option<int>("--ticks-per-day") { Description = "approximate trade ticks per symbol and day", DefaultValueFactory = _ => 20_000 };
        var command = new Command("generate", "Write synthetic tick and minute data in LEAN's equity data-folder layout.")
        {
            outDir, symbols, from, to, seed, ticks,
        };
        command.SetAction(parse =>
        {
            var options = Options(
                CliValues.Symbols("--symbols", parse.GetValue(symbols)),
                CliValues.Date("--from", parse.GetValue(from)),
                CliValues.Date("--to", parse.GetValue(to)),
                parse.GetValue(seed),
                parse.GetValue(ticks));
            var files = new LeanDataGenerator(options).Generate(parse.GetValue(outDir)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {files.Count} files under {parse.GetValue(outDir)}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Validated generator options.</summary>
    public static LeanGeneratorOptions Options(IReadOnlyList<string> symbols, DateOnly from, DateOnly to, ulong seed, int ticksPerDay)
    {
        CliValues.DateRange(from, to);
        if (ticksPerDay < 1)
        {
            throw new UsageException($"--ticks-per-day must be at least 1 (got {ticksPerDay})");
        }

        return new LeanGeneratorOptions { Symbols = symbols, From = from, To = to, Seed = seed, TicksPerDay = ticksPerDay };
    }
}
