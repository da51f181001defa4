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
    private readonly Option<string> _strategy = new("--strategy") { Description = "strategy: sma-cross or signal-follow (target = direction × qty while the latest signal is fresh, else flat)", DefaultValueFactory = _ => "sma-cross" };
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
    private readonly Option<string> _wait = new("--wait") { Description = "consumer wait strategy: busy-spin, yielding, sleeping, blocking", DefaultValueFactory = _ => "yielding" };
    private readonly Option<int> _publishBatch = new("--publish-batch") { Description = "frames ingest writes before publishing them to the stages", DefaultValueFactory = _ => PipelineOptions.Default.PublishBatch };
    private readonly Option<bool> _pinThreads = new("--pin-threads") { Description = "pin the producer to CPU 0 and each stage thread to a CPU of its own (Linux)" };
    private readonly ExecutionSettings _execution = new();
    private readonly Option<string> _placement = new("--placement") { Description = "stages per thread, e.g. 'parse|risk,decide,execute,persist'", DefaultValueFactory = _ => StagePlacement.Default.ToString() };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _strategy, _signalGate, _signalWindow, _fast, _slow, _qty, _feeBps, _resolution, _maxPosition, _priceBand, _killSwitch, _ringSize, _wait, _placement, _publishBatch, _pinThreads })
        {
            command.Options.Add(option);
        }

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

        var kind = strategy == "signal-follow" ? StrategyKind.SignalFollow : StrategyKind.SmaCross;
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
        var wait = CliValues.WaitStrategy("--wait", parse.GetValue(_wait));
        var placement = CliValues.Placement("--placement", parse.GetValue(_placement));
        var qty = new Quantity(CliValues.PositiveDecimal("--qty", parse.GetValue(_qty)));
        var fee = new BasisPoints(CliValues.NonNegativeDecimal("--fee-bps", parse.GetValue(_feeBps)));
        var maxPosition = new Quantity(CliValues.PositiveDecimal("--max-position", parse.GetValue(_maxPosition)));
        var fast = parse.GetValue(_fast);
        var slow = parse.GetValue(_slow);
        var all = new List<KeyValuePair<string, string>>(parameters)
        {
            new("strategy", strategy!),
            new("fast", fast.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("slow", slow.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("qty", qty.ToString()),
            new("fee_bps", fee.ToString()),
        };
        var options = new BacktestOptions(
            outDir,
            new SmaCrossOptions(fast, slow, qty),
            _execution.ToOptions(parse, fee, all),
            new RiskOptions(maxPosition, parse.GetValue(_priceBand), parse.GetValue(_killSwitch)),
            new PipelineOptions(parse.GetValue(_ringSize), wait, placement, parse.GetValue(_publishBatch), parse.GetValue(_pinThreads)),
            all)
        {
            Strategy = kind,
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
}
