using System.CommandLine;
using RoboTrader.Adapters.Lean;
using RoboTrader.Engine.Backtest;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Cli.Commands;

/// <summary>The strategy, execution, risk and pipeline options shared by <c>backtest</c> and <c>demo</c>.</summary>
internal sealed class BacktestSettings
{
    private readonly Option<string> _strategy = new("--strategy") { Description = "strategy: sma-cross, signal-follow (target = direction × qty while the latest signal is fresh, else flat), mean-reversion (z-score, limit orders) or breakout (N-bar high/low on minute bars, bracket orders)", DefaultValueFactory = _ => "sma-cross" };
    private readonly Option<int> _mrWindow = new("--mr-window") { Description = "mean-reversion: rolling window in trade prints (tick data) or bars (minute data), 2..65536", DefaultValueFactory = _ => MeanReversionOptions.Default.Window };
    private readonly Option<string> _mrEntryZ = new("--mr-entry-z") { Description = "mean-reversion: enter with a limit at the print when z <= -this (buy) or z >= this (sell)", DefaultValueFactory = _ => MeanReversionOptions.Default.EntryZ.ToString() };
    private readonly Option<string> _mrExitZ = new("--mr-exit-z") { Description = "mean-reversion: exit with a limit at the mean once |z| <= this (below --mr-entry-z)", DefaultValueFactory = _ => MeanReversionOptions.Default.ExitZ.ToString() };
    private readonly Option<int> _breakoutLookback = new("--breakout-lookback") { Description = "breakout: bars before the current one whose highest high / lowest low make the channel", DefaultValueFactory = _ => BreakoutOptions.Default.Lookback };
    private readonly Option<string> _breakoutTakeProfit = new("--breakout-take-profit") { Description = "breakout: bracket take-profit distance from the breakout close, e.g. 50bps or 10ticks", DefaultValueFactory = _ => BreakoutOptions.Default.TakeProfit.ToString() };
    private readonly Option<string> _breakoutStopLoss = new("--breakout-stop-loss") { Description = "breakout: bracket stop-loss distance from the breakout close, e.g. 25bps or 5ticks", DefaultValueFactory = _ => BreakoutOptions.Default.StopLoss.ToString() };
    private readonly Option<string> _tickSize = new("--tick-size") { Description = "the price grid: mean-reversion exits at the mean are rounded to it, breakout distances and --slippage-ticks count in it", DefaultValueFactory = _ => MeanReversionOptions.Default.TickSize.ToString() };
    private readonly Option<bool> _signalGate = new("--signal-gate") { Description = "sma-cross trades only with the latest fresh signal of the symbol (long or flat on buy, short or flat on sell, flat without one)" };
    private readonly Option<string> _signalWindow = new("--signal-window") { Description = "how long a signal stays fresh after its time, e.g. 90s, 30m, 2h, 1d (default 30m)" };
    private readonly Option<int> _fast = new("--fast") { Description = "fast moving-average length (trade prints)", DefaultValueFactory = _ => 20 };
    private readonly Option<int> _slow = new("--slow") { Description = "slow moving-average length (trade prints)", DefaultValueFactory = _ => 100 };
    private readonly Option<string> _qty = new("--qty") { Description = "target position size per signal", DefaultValueFactory = _ => "100" };
    private readonly Option<string> _feeBps = new("--fee-bps") { Description = "fee in basis points of notional", DefaultValueFactory = _ => "0" };
    private readonly Option<string> _resolution = new("--resolution") { Description = "tick or minute", DefaultValueFactory = _ => "tick" };
    private readonly Option<string> _maxPosition = new("--max-position") { Description = "risk: largest absolute position per symbol", DefaultValueFactory = _ => "1000000" };
    private readonly Option<int> _priceBand = new("--price-band-pct") { Description = "risk: largest distance of an order price from the last trade, in percent", DefaultValueFactory = _ => 10 };
    private readonly Option<bool> _killSwitch = new("--kill-switch") { Description = "risk: start with the kill switch engaged (no orders)" };
    private readonly Option<int> _ringSize = new("--ring-size") { Description = "ring slots (power of two)", DefaultValueFactory = _ => PipelineOptions.Default.RingSize };
    private readonly Option<string> _wait = new("--wait") { Description = "consumer wait strategy: busy-spin, yielding, sleeping, blocking; or one per placement group, e.g. busy-spin|sleeping", DefaultValueFactory = _ => "yielding" };
    private readonly Option<int> _publishBatch = new("--publish-batch") { Description = "frames ingest writes before publishing them to the stages", DefaultValueFactory = _ => PipelineOptions.Default.PublishBatch };
    private readonly Option<bool> _pinThreads = new("--pin-threads") { Description = "pin the producer to CPU 0 and each stage thread to a CPU of its own (Linux)" };
    private readonly RiskSettings _risk = new();
    private readonly Option<string> _config = new("--config") { Description = "a YAML file of options by section (risk:, execution:, strategy:, pipeline:, data:, output:); the command line wins (see config/README.md)" };
    private readonly ExecutionSettings _execution = new();
    private readonly Option<string> _placement = new("--placement") { Description = "stages per thread, e.g. 'parse|risk,decide,execute,persist'", DefaultValueFactory = _ => StagePlacement.Default.ToString() };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _strategy, _mrWindow, _mrEntryZ, _mrExitZ, _breakoutLookback, _breakoutTakeProfit, _breakoutStopLoss, _tickSize, _signalGate, _signalWindow, _fast, _slow, _qty, _feeBps, _resolution, _maxPosition, _priceBand, _killSwitch, _ringSize, _wait, _placement, _publishBatch, _pinThreads })
        {
            command.Options.Add(option);
        }

        _risk.AddTo(command);
        command.Options.Add(_config);
        _execution.AddTo(command);
    }

    /// <summary>Refuses a fill model the data's resolution cannot drive.</summary>
    public void CheckFillModel(ParseResult parse, LeanResolution resolution) => _execution.CheckResolution(parse, resolution);

    public LeanResolution Resolution(ParseResult parse) => parse.GetValue(_resolution) switch
    {
        "tick" => LeanResolution.Tick,
        "minute" => LeanResolution.Minute,
        var other => throw new UsageException($"--resolution '{other}' is not tick or minute"),
    };

    public BacktestOptions ToOptions(ParseResult parse, string outDir, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var strategy = parse.GetValue(_strategy);
        if (!BacktestCommand.Strategies.Contains(strategy))
        {
            throw new UsageException($"--strategy '{strategy}' is not known (known: {string.Join(", ", BacktestCommand.Strategies)})");
        }

        var kind = strategy switch
        {
            "signal-follow" => StrategyKind.SignalFollow,
            "mean-reversion" => StrategyKind.MeanReversion,
            "breakout" => StrategyKind.Breakout,
            _ => StrategyKind.SmaCross,
        };
        var gate = parse.GetValue(_signalGate);
        var windowText = parse.GetValue(_signalWindow);
        if (gate && kind == StrategyKind.SignalFollow)
        {
            throw new UsageException("--signal-gate applies to sma-cross: signal-follow already trades only with the signal");
        }

        if (windowText is not null && !gate && kind != StrategyKind.SignalFollow)
        {
            throw new UsageException("--signal-window applies only with --signal-gate or --strategy signal-follow");
        }

        var window = windowText is null ? SignalOptions.Default.Window : CliValues.Duration("--signal-window", windowText);
        var (wait, groupWaits) = CliValues.WaitStrategies("--wait", parse.GetValue(_wait));
        var placement = CliValues.Placement("--placement", parse.GetValue(_placement));
        var qty = new Quantity(CliValues.PositiveDecimal("--qty", parse.GetValue(_qty)));
        var fee = new BasisPoints(CliValues.NonNegativeDecimal("--fee-bps", parse.GetValue(_feeBps)));
        var maxPosition = new Quantity(CliValues.PositiveDecimal("--max-position", parse.GetValue(_maxPosition)));
        var fast = parse.GetValue(_fast);
        var slow = parse.GetValue(_slow);
        var tick = new Price(CliValues.PositiveDecimal("--tick-size", parse.GetValue(_tickSize)));
        var meanReversion = new MeanReversionOptions(parse.GetValue(_mrWindow), ZScoreValue("--mr-entry-z", parse.GetValue(_mrEntryZ)), ZScoreValue("--mr-exit-z", parse.GetValue(_mrExitZ)), qty, tick);
        var breakout = new BreakoutOptions(parse.GetValue(_breakoutLookback), qty, Distance("--breakout-take-profit", parse.GetValue(_breakoutTakeProfit)), Distance("--breakout-stop-loss", parse.GetValue(_breakoutStopLoss)), tick);
        var all = new List<KeyValuePair<string, string>>(parameters) { new("strategy", strategy!) };
        if (kind is StrategyKind.SmaCross or StrategyKind.SignalFollow)
        {
            all.Add(new("fast", fast.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            all.Add(new("slow", slow.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        all.AddRange(StrategyParameters(kind, meanReversion, breakout));
        all.Add(new("qty", qty.ToString()));
        all.Add(new("fee_bps", fee.ToString()));
        var options = new BacktestOptions(
            outDir,
            new SmaCrossOptions(fast, slow, qty),
            _execution.ToOptions(parse, fee, tick, all),
            _risk.Apply(parse, new RiskOptions(maxPosition, parse.GetValue(_priceBand), parse.GetValue(_killSwitch)), all),
            new PipelineOptions(parse.GetValue(_ringSize), wait, placement, parse.GetValue(_publishBatch), parse.GetValue(_pinThreads), groupWaits),
            all)
        {
            Strategy = kind,
            MeanReversion = meanReversion,
            Breakout = breakout,
            Signals = new SignalOptions(gate, window),
        };
        if (gate || kind == StrategyKind.SignalFollow)
        {
            all.Add(new("signal_gate", gate ? "true" : "false"));
            all.Add(new("signal_window", CliValues.FormatDuration(window)));
        }

        try
        {
            options.Validate();
        }
        catch (EngineException ex)
        {
            throw new UsageException(ex.Message);
        }

        return options;
    }

    /// <summary>The summary.json parameters of the mean-reversion and breakout strategies (none for the others).</summary>
    private static KeyValuePair<string, string>[] StrategyParameters(StrategyKind kind, MeanReversionOptions meanReversion, BreakoutOptions breakout) => kind switch
    {
        StrategyKind.MeanReversion =>
        [
            new("mr_window", meanReversion.Window.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("mr_entry_z", meanReversion.EntryZ.ToString()),
            new("mr_exit_z", meanReversion.ExitZ.ToString()),
            new("tick_size", meanReversion.TickSize.ToString()),
        ],
        StrategyKind.Breakout =>
        [
            new("breakout_lookback", breakout.Lookback.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("breakout_take_profit", breakout.TakeProfit.ToString()),
            new("breakout_stop_loss", breakout.StopLoss.ToString()),
            new("tick_size", breakout.TickSize.ToString()),
        ],
        _ => [],
    };

    private static ZScore ZScoreValue(string option, string? text)
        => ZScore.TryParse(text, out var value) && value.Raw >= 0
            ? value
            : throw new UsageException($"{option} '{text}' is not a non-negative decimal number with at most 8 decimals");

    private static PriceDistance Distance(string option, string? text)
        => PriceDistance.TryParse(text, out var value)
            ? value
            : throw new UsageException($"{option} '{text}' is not a distance such as 50bps or 10ticks");
}
