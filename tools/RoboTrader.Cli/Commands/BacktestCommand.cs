using System.CommandLine;
using System.Globalization;
using RoboTrader.Adapters.Files;
using RoboTrader.Adapters.Lean;
using RoboTrader.Cli.Progress;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Cli.Commands;

/// <summary><c>robotrader backtest</c>: replays LEAN data through the six-stage pipeline.</summary>
public static class BacktestCommand
{
    /// <summary>The strategies this build knows.</summary>
    public static readonly string[] Strategies = ["sma-cross", "signal-follow", "mean-reversion", "breakout"];

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var data = new Option<string>("--data") { Description = "LEAN data root (holds equity/usa/...); required unless --recording" };
        var symbols = new Option<string>("--symbols") { Description = "comma-separated tickers, e.g. bac,ibm" };
        var from = new Option<string>("--from") { Description = "first date, yyyy-MM-dd" };
        var to = new Option<string>("--to") { Description = "last date (inclusive), yyyy-MM-dd" };
        var recording = new Option<string>("--recording") { Description = "replay a recording (robotrader journal export --format msgpack) instead of LEAN data" };
        var state = new Option<string>("--state") { Description = "the run's durable state folder: the input journal, the ledger (FasterLog, MessagePack records) and checkpoints; run the same command again after a crash to resume from the last checkpoint" };
        var checkpointEvery = new Option<long?>("--checkpoint-every") { Description = "with --state: checkpoint every this many frames (default 1000000; 0: never)" };
        var checkpointInterval = new Option<string>("--checkpoint-interval") { Description = "with --state: also checkpoint when this long has passed since the previous checkpoint, e.g. 30s or 5m (default: only --checkpoint-every)" };
        var retention = new Option<string>("--journal-retention") { Description = "with --state: keep-all (default: the journal stays a complete recording) or since-previous-checkpoint (truncate older records once a newer checkpoint is durable)" };
        var compression = new Option<string>("--journal-compression") { Description = "with --state: delta (default: each record's fields coded against one of the two previous records of its source — 6.4 bytes a LEAN tick instead of 61, cheap), none (plain MessagePack records) or brotli (each block of records compressed: most work for the journal's thread); a resumed run may use another" };
        var durability = new Option<string>("--durability") { Description = "with --state: async (default for backtests: the journal commits in the background) or commit-before-execute (no order is released before the input that caused it is durable)" };
        var journalThread = new Option<string>("--journal-thread") { Description = "with --state: consumer (default: the first consumer thread journals each frame before its stages) or producer (ingest journals each frame before publishing it)" };
        var signals = new Option<string>("--signals") { Description = "signals file (one task-input frame per line, with a \"time\" field) merged with the LEAN data in time order" };
        var outDir = new Option<string>("--out") { Description = "output folder", Required = true };
        var report = new Option<bool>("--report") { Description = "also write report.html (self-contained: inline SVG equity and drawdown charts, returns, statistics, breaches, trades) and stats.json" };
        var progress = new Option<string>("--progress") { Description = "auto (a bar on a terminal, a line every 5 s when redirected), bar, lines or none", DefaultValueFactory = _ => "auto" };
        var reportSettings = new ReportSettings();
        var settings = new BacktestSettings();
        var command = new Command("backtest", "Run a backtest on LEAN data (or a recording) and write summary.json and fills.csv.")
        {
            data, symbols, from, to, recording, state, checkpointEvery, checkpointInterval, retention, compression, durability, journalThread, signals, outDir, report, progress,
        };
        settings.AddTo(command);
        reportSettings.AddTo(command);
        command.SetAction(parse =>
        {
            var stateDir = parse.GetValue(state);
            var every = parse.GetValue(checkpointEvery);
            if (every is not null && stateDir is null)
            {
                throw new UsageException("--checkpoint-every applies with --state <folder>");
            }

            var checkpoints = stateDir is null ? 0 : every ?? DefaultCheckpointEvery;
            var intervalText = parse.GetValue(checkpointInterval);
            if (intervalText is not null && stateDir is null)
            {
                throw new UsageException("--checkpoint-interval applies with --state <folder>");
            }

            var interval = intervalText is null ? TimeSpan.Zero : CliValues.Duration("--checkpoint-interval", intervalText);
            var journalRetention = parse.GetValue(retention) switch
            {
                null or "keep-all" => JournalRetention.KeepAll,
                "since-previous-checkpoint" when stateDir is not null => JournalRetention.SincePreviousCheckpoint,
                "since-previous-checkpoint" => throw new UsageException("--journal-retention applies with --state <folder>"),
                var other => throw new UsageException($"--journal-retention must be keep-all or since-previous-checkpoint, not '{other}'"),
            };
            var durabilityMode = parse.GetValue(durability) switch
            {
                null or "async" => DurabilityMode.Async,
                "commit-before-execute" when stateDir is not null => DurabilityMode.CommitBeforeExecute,
                "commit-before-execute" => throw new UsageException("--durability applies with --state <folder>"),
                var other => throw new UsageException($"--durability must be async or commit-before-execute, not '{other}'"),
            };
            var compressionText = parse.GetValue(compression);
            if (compressionText is "brotli" or "delta" && stateDir is null)
            {
                throw new UsageException("--journal-compression applies with --state <folder>");
            }

            var compressJournal = CliValues.JournalCompression("--journal-compression", compressionText);
            var journalOn = parse.GetValue(journalThread) switch
            {
                null or "consumer" => JournalThread.Consumer,
                "producer" when stateDir is not null => JournalThread.Producer,
                "producer" => throw new UsageException("--journal-thread applies with --state <folder>"),
                var other => throw new UsageException($"--journal-thread must be consumer or producer, not '{other}'"),
            };
            var progressMode = ProgressModeOf(parse.GetValue(progress));
            if (!parse.GetValue(report) && reportSettings.AnyGiven(parse))
            {
                throw new UsageException("--risk-free-rate applies with --report");
            }

            var reportOptions = parse.GetValue(report) ? reportSettings.ToOptions(parse) : null;
            if (parse.GetValue(recording) is { } recordingPath)
            {
                if (parse.GetValue(data) is not null || parse.GetValue(symbols) is not null || parse.GetValue(from) is not null || parse.GetValue(to) is not null)
                {
                    throw new UsageException("--recording replays a recorded run: --data, --symbols, --from and --to do not apply");
                }

                if (parse.GetValue(signals) is not null)
                {
                    throw new UsageException("--signals applies to LEAN data: a recording already holds its signals");
                }

                var replayOptions = settings.ToOptions(parse, parse.GetValue(outDir)!, [new("recording", Path.GetFullPath(recordingPath))]) with { StateDirectory = stateDir, CheckpointEvery = checkpoints, CheckpointInterval = interval, JournalRetention = journalRetention, JournalCompression = compressJournal, Durability = durabilityMode, JournalThread = journalOn };
                var replay = RunWithProgress(new ProgressingFrameSource(new RecordingFrameSource(recordingPath), () => null), replayOptions, progressMode, output);
                Report(output, replay, replayOptions.OutputDirectory);
                WriteReport(output, replayOptions.OutputDirectory, reportOptions);
                return ExitCodes.Ok;
            }

            foreach (var (option, name) in new[] { (data, "--data"), (symbols, "--symbols"), (from, "--from"), (to, "--to") })
            {
                if (parse.GetValue(option) is null)
                {
                    throw new UsageException($"{name} is required (or --recording <file>)");
                }
            }

            var symbolList = CliValues.Symbols("--symbols", parse.GetValue(symbols));
            var fromDate = CliValues.Date("--from", parse.GetValue(from));
            var toDate = CliValues.Date("--to", parse.GetValue(to));
            CliValues.DateRange(fromDate, toDate);
            var root = parse.GetValue(data)!;
            var resolution = settings.Resolution(parse);
            settings.CheckFillModel(parse, resolution);
            var signalsPath = parse.GetValue(signals);
            if (signalsPath is not null && !File.Exists(signalsPath))
            {
                throw new UsageException($"--signals '{signalsPath}' does not exist");
            }

            var options = settings.ToOptions(parse, parse.GetValue(outDir)!, [
                .. LeanParameters(root, symbolList, fromDate, toDate, resolution),
                .. signalsPath is null ? [] : new KeyValuePair<string, string>[] { new("signals", Path.GetFullPath(signalsPath)) },
            ]) with { StateDirectory = stateDir, CheckpointEvery = checkpoints, CheckpointInterval = interval, JournalRetention = journalRetention, JournalCompression = compressJournal, Durability = durabilityMode, JournalThread = journalOn };
            if (options.Strategy == StrategyKind.Breakout && resolution == LeanResolution.Tick)
            {
                throw new UsageException(BreakoutOptions.TickInputMessage);
            }

            // Options are validated before any data is opened: a bad value is reported first, and cheaply. The warm-up
            // compiles the run's code on another thread meanwhile.
            options = options with { WarmUp = BacktestWarmUp.Start(options, resolution) };
            var source = new LeanDataSource(root, symbolList, fromDate, toDate, resolution);
            if (signalsPath is not null)
            {
                source.Interleave(new TimedLineFile(
                    signalsPath,
                    new SourceDescriptor(SymbolId.None, FrameFormat.TaskInputs, new DateOnly(1970, 1, 1), "UTC", 8, Path.GetFileName(signalsPath), source.Symbols)));
            }

            var summary = RunWithProgress(new ProgressingFrameSource(source, () => source.Progress.Fraction), options, progressMode, output);
            Report(output, summary, options.OutputDirectory);
            WriteReport(output, options.OutputDirectory, reportOptions);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs the backtest while a progress display (on its own thread) reads the source's counters.</summary>
    private static BacktestSummary RunWithProgress(ProgressingFrameSource source, BacktestOptions options, ProgressMode mode, TextWriter output)
    {
        using var reporter = ProgressReporter.Start(mode, source, output);
        return BacktestRunner.Run(source, options);
    }

    private static void WriteReport(TextWriter output, string outDir, Engine.Reporting.ReportOptions? options)
    {
        if (options is not null)
        {
            ReportSettings.Write(output, outDir, options);
        }
    }

    private static ProgressMode ProgressModeOf(string? text) => text switch
    {
        "auto" => ProgressMode.Auto,
        "bar" => ProgressMode.Bar,
        "lines" => ProgressMode.Lines,
        "none" => ProgressMode.None,
        _ => throw new UsageException($"--progress '{text}' is not auto, bar, lines or none"),
    };

    /// <summary>Frames between checkpoints when --state is given without --checkpoint-every.</summary>
    public const long DefaultCheckpointEvery = 1_000_000;

    /// <summary>The summary.json parameters that describe a LEAN run's input.</summary>
    public static KeyValuePair<string, string>[] LeanParameters(string dataRoot, IReadOnlyList<string> symbols, DateOnly from, DateOnly to, LeanResolution resolution) =>
    [
        new("data", Path.GetFullPath(dataRoot)),
        new("symbols", string.Join(',', symbols)),
        new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("resolution", resolution.ToString().ToLowerInvariant()),
    ];

    /// <summary>Prints the headline figures of a run.</summary>
    public static void Report(TextWriter output, BacktestSummary summary, string outDir)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"events {summary.Events}  trades {summary.Trades}  quotes {summary.Quotes}  bars {summary.Bars}  suspicious {summary.Suspicious}  dead-lettered {summary.DeadLettered}"));
        output.WriteLine(string.Create(c, $"orders {summary.Orders}  fills {summary.Fills}  cancelled {summary.OrdersCancelled}  positions {string.Join(' ', summary.Positions.Select(p => $"{p.Key}={p.Value}"))}"));
        output.WriteLine(string.Create(c, $"realized_pnl {summary.RealizedPnl}  unrealized_pnl {summary.UnrealizedPnl}  fees {summary.Fees}  net_pnl {summary.NetPnl}"));
        output.WriteLine(string.Create(c, $"elapsed {summary.ElapsedMilliseconds:F0} ms  {summary.EventsPerSecond:F0} events/s  placement {summary.Placement}"));
        output.WriteLine($"wrote {Path.Combine(outDir, "summary.json")}, fills.csv, trades.csv, orders.csv and equity.csv");
    }
}
