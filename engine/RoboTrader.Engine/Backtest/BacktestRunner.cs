using System.Diagnostics;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Diagnostics;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Persistence;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Backtest;

/// <summary>
/// Runs a backtest: builds the six-stage pipeline over a frame source, replays the source through it on the calling
/// thread (ingest), drains, checks that every input is accounted for, and writes summary.json beside the fills.
/// </summary>
public static class BacktestRunner
{
    /// <summary>Runs the backtest and returns its summary (also written to <c>summary.json</c>).</summary>
    /// <param name="source">The input.</param>
    /// <param name="options">Validated before anything starts.</param>
    /// <param name="orderLatency">When given, receives each order's tick-to-order latency in nanoseconds (measurement only).</param>
    /// <param name="cancellationToken">Stops reading the input early.</param>
    /// <exception cref="EngineException">Invalid options, unreadable input, unwritable output, or an accounting mismatch.</exception>
    public static BacktestSummary Run(IFrameSource source, BacktestOptions options, LatencyHistogram? orderLatency = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var symbols = source.Symbols;
        var registry = new SourceRegistry();
        source.RegisterSources(registry);
        if (options.Strategy == StrategyKind.Breakout && registry.All.Any(d => d.Format is FrameFormat.LeanTradeTick or FrameFormat.JsonLines or FrameFormat.BinanceSpot))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, BreakoutOptions.TickInputMessage);
        }

        var killSwitch = new KillSwitch();
        var portfolio = new Portfolio(symbols.Count, options.Execution.InitialCash);
        var parse = new ParseStage(registry);
        var risk = new RiskStage(options.Risk, killSwitch, portfolio, symbols.Count);
        var signals = new SignalBook(symbols.Count, options.Signals.Window);
        var decide = new DecideStage(CreateStrategy(options, symbols.Count, signals), portfolio, signals);
        var execute = new ExecuteStage(portfolio, options.Execution, orderLatency);
        var settings = Settings(options, symbols, registry);
        using var state = StateFiles.Create(options, symbols, registry, settings);
        var resume = state?.Resume;
        if (state is not null && options.Durability == DurabilityMode.CommitBeforeExecute)
        {
            execute.ReleaseOrdersAfterCommit(state.Journal);
        }

        var outputSync = state is not null && options.Checkpoints ? options.OutputSyncInterval : TimeSpan.Zero;
        using var persist = new PersistStage(new PersistOptions(options.OutputDirectory) { Resume = resume is not null, OutputSyncInterval = outputSync }, symbols, registry, state?.Ledger);
        using var checkpoints = state is null ? null : new CheckpointCoordinator(options.StateDirectory!, state.Journal, settings, options.JournalRetention) { Pauses = options.CheckpointPauses, Metrics = options.CheckpointMetrics };
        var journalWriter = state is null ? null : new JournalWriter(state.Journal, checkpoints, options.JournalCompression);

        using var pipeline = EnginePipeline.Build(
            options.Pipeline,
            registry,
            [
                (parse, FaultPolicy.SkipAndRecord),
                (risk, FaultPolicy.HaltTrading),
                (decide, FaultPolicy.HaltTrading),
                (execute, FaultPolicy.HaltTrading),
                (persist, FaultPolicy.HaltTrading),
            ],
            killSwitch,
            options.Checkpoints ? checkpoints : null);
        parse.Prepare();
        if (options.Checkpoints)
        {
            checkpoints?.OpenStores(pipeline.Stages);
        }

        if (resume is not null)
        {
            // Every stage as it was after the checkpoint's frame; the ring, the journal and ingest continue after it.
            checkpoints!.Restore(resume, pipeline.Stages);
            pipeline.Supervisor.StartAfter(resume.Sequence);
            journalWriter!.ResumeAfter(resume.Sequence);
        }

        if (journalWriter is not null && options.JournalThread == JournalThread.Producer)
        {
            pipeline.Ingest.JournalTo(journalWriter);
        }
        else if (journalWriter is not null)
        {
            pipeline.Supervisor.JournalOnFirstGroup(journalWriter);
        }

        pipeline.Ingest.ConfigureCheckpoints(
            state is null ? 0 : options.CheckpointEvery,
            resume?.Sequence ?? -1,
            state is null ? TimeSpan.Zero : options.CheckpointInterval,
            resume?.CheckpointId ?? 0);

        if (options.WarmUp is { } warmUp)
        {
            // Only its compiling matters; a warm-up that failed leaves it to the run.
            try
            {
                warmUp.Wait(cancellationToken);
            }
            catch (AggregateException)
            {
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var pinned = options.Pipeline.PinThreads && ThreadAffinity.PinCurrentThread(0);
        pipeline.Start();
        try
        {
            if (resume is not null)
            {
                // What the journal committed after the checkpoint comes from the journal; the source skips it.
                JournalRecovery.Replay(state!.Journal, resume.JournalAddress, resume.Sequence, pipeline.Ingest);
            }

            source.Run(pipeline.Ingest, cancellationToken);
            pipeline.Complete();
            checkpoints?.Drain(); // the last checkpoint's manifest is durable (or its error is thrown) before the logs close
        }
        catch
        {
            pipeline.Supervisor.Stop();
            throw;
        }
        finally
        {
            if (pinned)
            {
                ThreadAffinity.Unpin();
            }
        }

        state?.Close();
        stopwatch.Stop();

        // WARNING: every input must be accounted for. The parse stage never lets a level's failure escape, so a parse
        // fault can only come from outside the parsers; such a frame is dead-lettered by persist and counted here.
        var published = pipeline.Ingest.Published;
        var parseFaults = pipeline.Stages[(int)StageKind.Parse].Faults;
        var deadLettered = parse.DeadLettered + parseFaults;
        if (parse.ParsedStrict + parse.ParsedLenient + parse.ParsedBasic + deadLettered != published)
        {
            throw new EngineException(
                ErrorCode.SystemStageFault,
                $"accounting mismatch: {published} frames ingested but parsed strict {parse.ParsedStrict} + lenient {parse.ParsedLenient} + basic {parse.ParsedBasic} + dead-lettered {deadLettered}");
        }

        if (persist.DeadLettered < deadLettered)
        {
            throw new EngineException(
                ErrorCode.SystemStageFault,
                $"accounting mismatch: {deadLettered} frames failed to parse but only {persist.DeadLettered} dead letters were written");
        }

        var summary = new BacktestSummary
        {
            Events = published,
            Trades = parse.Parsed(MarketEventKind.Trade),
            Quotes = parse.Parsed(MarketEventKind.Quote),
            Bars = parse.Parsed(MarketEventKind.TradeBar) + parse.Parsed(MarketEventKind.QuoteBar),
            Suspicious = parse.Suspicious,
            ParsedStrict = parse.ParsedStrict,
            ParsedLenient = parse.ParsedLenient,
            ParsedBasic = parse.ParsedBasic,
            DeadLettered = deadLettered,
            Signals = parse.Signals,
            Commands = parse.Commands,
            CommandsApplied = risk.CommandsApplied,
            CommandsRefused = risk.CommandsRefused,
            Sources = registry.All
                .Select((d, i) => new SourceParseCounts(
                    d.Name,
                    d.Format,
                    parse.Count(new SourceId(i), ParseLevel.Strict),
                    parse.Count(new SourceId(i), ParseLevel.Lenient),
                    parse.Count(new SourceId(i), ParseLevel.Basic),
                    parse.Count(new SourceId(i), ParseLevel.None)))
                .ToList(),
            StageFaults = pipeline.Stages.Sum(s => s.Faults),
            Orders = execute.Orders,
            OrdersCancelled = execute.Cancelled,
            Fills = execute.Fills,
            RiskRefused = decide.Refused,
            RiskClamped = decide.Clamped,
            Positions = symbols.Tickers
                .Select((t, i) => new KeyValuePair<string, Quantity>(t, portfolio.PositionOf(new SymbolId(i))))
                .ToList(),
            RealizedPnl = portfolio.RealizedPnl,
            UnrealizedPnl = portfolio.UnrealizedPnl,
            Fees = portfolio.Fees,
            KillSwitch = killSwitch.Reason,
            TradingState = RiskRules.StateName(risk.State),
            Breaches = Enumerable.Range(1, RiskRules.Count - 1)
                .Select(r => new KeyValuePair<string, long>(RiskRules.Name((RiskRule)r), risk.Breaches((RiskRule)r)))
                .ToList(),
            Placement = options.Pipeline.Placement.ToString(),
            Journaled = journalWriter?.Appended ?? 0,
            LedgerRecords = state?.Ledger.Count ?? 0,
            ElapsedMilliseconds = stopwatch.Elapsed.TotalMilliseconds,
            Parameters = options.Parameters,
        };
        SummaryJson.Write(summary, Path.Combine(options.OutputDirectory, "summary.json"));
        return summary;
    }

    /// <summary>What a resumed run must share with the run that wrote the checkpoint (everything the results depend on).</summary>
    private static string Settings(BacktestOptions options, SymbolTable symbols, SourceRegistry registry)
        => string.Join(
            " | ",
            Path.GetFullPath(options.OutputDirectory),
            options.SmaCross.ToString(),
            options.Execution.ToString(),
            options.Risk.ToString(),
            options.Strategy.ToString(),
            options.Signals.ToString(),
            options.MeanReversion.ToString(),
            options.Breakout.ToString(),
            "every=" + options.CheckpointEvery.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(",", symbols.Tickers),
            string.Join(",", registry.All.Select(d => d.Name + ":" + d.Format)),
            string.Join(",", options.Parameters.Select(p => p.Key + "=" + p.Value)));

    private static IStrategy CreateStrategy(BacktestOptions options, int symbolCount, SignalBook signals)
    {
        switch (options.Strategy)
        {
            case StrategyKind.SignalFollow:
                return new SignalFollowStrategy(options.SmaCross.Quantity, signals);
            case StrategyKind.MeanReversion:
                return new MeanReversionStrategy(options.MeanReversion, symbolCount);
            case StrategyKind.Breakout:
                return new BreakoutStrategy(options.Breakout, symbolCount);
        }

        var smaCross = new SmaCrossStrategy(options.SmaCross, symbolCount);
        return options.Signals.Gate ? new SignalGatedStrategy(smaCross, signals) : smaCross;
    }
}
