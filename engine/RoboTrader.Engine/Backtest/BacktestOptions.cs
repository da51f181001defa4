using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Backtest;

/// <summary>Everything a backtest needs besides its input.</summary>
/// <param name="OutputDirectory">Folder for summary.json, fills.csv and deadletters.jsonl.</param>
/// <param name="SmaCross">The sma-cross strategy's parameters.</param>
/// <param name="Execution">Simulated exchange options.</param>
/// <param name="Risk">Risk limits.</param>
/// <param name="Pipeline">Ring size, wait strategy, stage placement.</param>
/// <param name="Parameters">Descriptive parameters echoed into summary.json (data root, symbols, dates, ...).</param>
public sealed record BacktestOptions(
    string OutputDirectory,
    SmaCrossOptions SmaCross,
    ExecutionOptions Execution,
    RiskOptions Risk,
    PipelineOptions Pipeline,
    IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The strategy (sma-cross unless set).</summary>
    public StrategyKind Strategy { get; init; } = StrategyKind.SmaCross;

    /// <summary>The mean-reversion strategy's parameters (used with <see cref="StrategyKind.MeanReversion"/>).</summary>
    public MeanReversionOptions MeanReversion { get; init; } = MeanReversionOptions.Default;

    /// <summary>The breakout strategy's parameters (used with <see cref="StrategyKind.Breakout"/>).</summary>
    public BreakoutOptions Breakout { get; init; } = BreakoutOptions.Default;

    /// <summary>How signals are used: the gate and the freshness window.</summary>
    public SignalOptions Signals { get; init; } = SignalOptions.Default;

    /// <summary>
    /// When set, the run's durable state goes into this folder: the input journal (every frame) in <c>journal/</c>,
    /// the ledger (every order and fill) in <c>ledger/</c>, and checkpoints (see <see cref="CheckpointEvery"/>). A
    /// folder with a checkpoint is resumed from it.
    /// </summary>
    public string? StateDirectory { get; init; }

    /// <summary>
    /// With a state folder: checkpoint every this many frames (0: never). A run killed at any moment and started again
    /// with the same options resumes from its last checkpoint and ends with the same outputs.
    /// </summary>
    public long CheckpointEvery { get; init; }

    /// <summary>
    /// With a state folder: also checkpoint when this much time has passed since the previous checkpoint (zero: only
    /// <see cref="CheckpointEvery"/>). Bounds both the checkpoints' cost on a fast run and the replay after a crash
    /// on a slow one; where the checkpoints fall does not change any output.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; }

    /// <summary>True when the run checkpoints at all (by frame count or by time).</summary>
    public bool Checkpoints => StateDirectory is not null && (CheckpointEvery > 0 || CheckpointInterval > TimeSpan.Zero);

    /// <summary>
    /// With a state folder: keep the whole journal (the default: it is a complete recording of the run) or truncate it
    /// before the previous checkpoint once a newer one is durable (long-running engines).
    /// </summary>
    public Checkpoints.JournalRetention JournalRetention { get; init; }

    /// <summary>
    /// With a state folder: <see cref="Durability.DurabilityMode.Async"/> (the default for backtests: the journal commits
    /// in the background) or <see cref="Durability.DurabilityMode.CommitBeforeExecute"/> (no order is released before the
    /// input that caused it is durable in the journal: the live default).
    /// </summary>
    public Durability.DurabilityMode Durability { get; init; }

    /// <summary>With a state folder: which thread writes the input journal (see <see cref="Journal.JournalThread"/>).</summary>
    public Journal.JournalThread JournalThread { get; init; }

    /// <summary>
    /// With a state folder: how the journal's blocks are written — delta-coded (the default: few bytes for market data
    /// rows, cheap; 4.8 against 2.8 M events/s for plain blocks on the real data), plain, or Brotli-compressed (fewest
    /// bytes, most work on the journal's thread). Readers take any kind, so a resumed run may use another; exports
    /// give the plain MessagePack records whatever the kind.
    /// </summary>
    public Journal.JournalCompression JournalCompression { get; init; } = Journal.JournalCompression.Delta;

    /// <summary>When given, receives each stage group's checkpoint stall in nanoseconds (measurement only).</summary>
    public Diagnostics.LatencyHistogram? CheckpointPauses { get; init; }

    /// <summary>When given, receives where each checkpoint's time goes (measurement only).</summary>
    public Checkpoints.CheckpointMetrics? CheckpointMetrics { get; init; }

    /// <summary>
    /// With a state folder and checkpoints: a background thread fdatasyncs the output files this often, so that a
    /// checkpoint waits only for the last few milliseconds of output, off the stage's thread. Zero: each checkpoint
    /// fsyncs the outputs on persist's thread (the stall grows with what was written since the previous checkpoint).
    /// </summary>
    public TimeSpan OutputSyncInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Journal and ledger group commit: after this many records...</summary>
    public int JournalCommitEveryRecords { get; init; } = 1 << 20;

    /// <summary>...or this long since the last commit.</summary>
    public TimeSpan JournalCommitInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Compiling ahead: a task (a small backtest of the same configuration on another thread, started by the host while
    /// it opens the data) that the run waits for just before its pipeline starts, so that the stages, the journal, the
    /// stores and the checkpoints are compiled before the first event rather than on the pipeline's threads during the
    /// run. Its outcome does not matter: a failed warm-up only leaves that compiling to the run.
    /// </summary>
    public Task? WarmUp { get; init; }

    /// <summary>Validates every part; throws an <see cref="Core.Errors.EngineException"/> naming the first bad value.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputDirectory);
        SmaCross.Validate();
        ArgumentNullException.ThrowIfNull(Signals);
        Signals.Validate();
        if (!Enum.IsDefined(Strategy))
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.ConfigurationInvalid, $"strategy {(int)Strategy} is not known");
        }

        if (Strategy == StrategyKind.SignalFollow && Signals.Gate)
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.ConfigurationInvalid, "--signal-gate applies to sma-cross: signal-follow already trades only with the signal");
        }
        if (Strategy is StrategyKind.MeanReversion or StrategyKind.Breakout && Signals.Gate)
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.ConfigurationInvalid, "--signal-gate applies to sma-cross: it gates a target position, and mean-reversion and breakout work with orders");
        }

        ArgumentNullException.ThrowIfNull(MeanReversion);
        ArgumentNullException.ThrowIfNull(Breakout);
        MeanReversion.Validate();
        Breakout.Validate();
        if (CheckpointEvery < 0)
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.ConfigurationInvalid, $"--checkpoint-every must be 0 (never) or positive, not {CheckpointEvery}");
        }

        if (CheckpointInterval < TimeSpan.Zero || CheckpointInterval > TimeSpan.FromDays(1))
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.ConfigurationInvalid, $"--checkpoint-interval must be 0 (never) or positive up to a day, not {CheckpointInterval.TotalSeconds} s");
        }

        if (OutputSyncInterval < TimeSpan.Zero || OutputSyncInterval > TimeSpan.FromMinutes(1))
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.ConfigurationInvalid, $"OutputSyncInterval must be 0 (sync at each checkpoint) or positive up to 1 minute, not {OutputSyncInterval}");
        }

        Execution.Validate();
        Risk.Validate();
        Pipeline.Validate();
    }
}
