using System.CommandLine;
using System.Globalization;
using RoboTrader.Adapters.Lean;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;

namespace RoboTrader.Cli.Commands;

/// <summary>The simulated exchange's and the portfolio's options (fill model, latency, slippage, fees, cash, equity curve).</summary>
internal sealed class ExecutionSettings
{
    private readonly Option<string> _fillModel = new("--fill-model") { Description = "simulated fills: next-tick (the next trade print), quote (at the ask/bid, up to the quoted size) or bar (minute bars: open, range crossing)", DefaultValueFactory = _ => "next-tick" };
    private readonly Option<long> _latencyMs = new("--latency-ms") { Description = "an order can trade only from its event time + this many milliseconds", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _slippageBps = new("--slippage-bps") { Description = "slippage against each fill in basis points of its price (buys up, sells down; a limit still caps it)" };
    private readonly Option<long?> _slippageTicks = new("--slippage-ticks") { Description = "slippage against each fill in ticks of --tick-size" };
    private readonly Option<string> _feePerShare = new("--fee-per-share") { Description = "fee per share filled, added to --fee-bps", DefaultValueFactory = _ => "0" };
    private readonly Option<string> _feeMin = new("--fee-min") { Description = "smallest fee of one fill", DefaultValueFactory = _ => "0" };
    private readonly Option<string> _initialCash = new("--initial-cash") { Description = "cash at the start", DefaultValueFactory = _ => "1000000" };
    private readonly Option<string> _equityInterval = new("--equity-interval") { Description = "equity.csv sampling interval in event time, e.g. 30s, 1m, 1h, 1d", DefaultValueFactory = _ => "1m" };
    private readonly Option<string> _marketClose = new("--market-close") { Description = "session close (HH:mm, America/New_York) at which DAY orders expire", DefaultValueFactory = _ => "16:00" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _fillModel, _latencyMs, _slippageBps, _slippageTicks, _feePerShare, _feeMin, _initialCash, _equityInterval, _marketClose })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options, with <paramref name="fee"/> (--fee-bps); adds the non-default ones to <paramref name="parameters"/>.</summary>
    public ExecutionOptions ToOptions(ParseResult parse, BasisPoints fee, Price tickSize, List<KeyValuePair<string, string>> parameters)
    {
        var model = parse.GetValue(_fillModel) switch
        {
            "next-tick" => FillModel.NextTick,
            "quote" => FillModel.Quote,
            "bar" => FillModel.Bar,
            var other => throw new UsageException($"--fill-model '{other}' is not next-tick, quote or bar"),
        };
        var latency = parse.GetValue(_latencyMs);
        if (latency < 0)
        {
            throw new UsageException($"--latency-ms must not be negative (got {latency})");
        }

        var slippageTicks = parse.GetValue(_slippageTicks);
        if (slippageTicks < 0)
        {
            throw new UsageException($"--slippage-ticks must not be negative (got {slippageTicks})");
        }

        var slippageBpsText = parse.GetValue(_slippageBps);
        if (slippageBpsText is not null && slippageTicks is not null)
        {
            throw new UsageException("--slippage-bps and --slippage-ticks cannot both be set");
        }

        var closeText = parse.GetValue(_marketClose);
        if (!TimeOnly.TryParseExact(closeText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close))
        {
            throw new UsageException($"--market-close '{closeText}' is not a time HH:mm (e.g. 16:00)");
        }

        var options = new ExecutionOptions(fee)
        {
            FillModel = model,
            LatencyMilliseconds = latency,
            SlippageBps = new BasisPoints(slippageBpsText is null ? 0 : CliValues.NonNegativeDecimal("--slippage-bps", slippageBpsText)),
            SlippageTicks = slippageTicks ?? 0,
            TickSize = tickSize,
            FeePerShare = new Price(CliValues.NonNegativeDecimal("--fee-per-share", parse.GetValue(_feePerShare))),
            FeeMinimum = new Money(CliValues.NonNegativeDecimal("--fee-min", parse.GetValue(_feeMin))),
            InitialCash = new Money(CliValues.NonNegativeDecimal("--initial-cash", parse.GetValue(_initialCash))),
            EquityInterval = CliValues.Duration("--equity-interval", parse.GetValue(_equityInterval)),
            MarketClose = close,
        };

        // summary.json echoes what differs from the defaults (a default run's summary stays as it was).
        var defaults = new ExecutionOptions(fee);
        void Echo(bool differs, string key, string value)
        {
            if (differs)
            {
                parameters.Add(new(key, value));
            }
        }

        Echo(options.FillModel != defaults.FillModel, "fill_model", parse.GetValue(_fillModel)!);
        Echo(options.LatencyMilliseconds != 0, "latency_ms", latency.ToString(CultureInfo.InvariantCulture));
        Echo(options.SlippageBps.Raw != 0, "slippage_bps", options.SlippageBps.ToString());
        Echo(options.SlippageTicks != 0, "slippage_ticks", options.SlippageTicks.ToString(CultureInfo.InvariantCulture));
        Echo(options.TickSize != defaults.TickSize && !parameters.Exists(p => p.Key == "tick_size"), "tick_size", options.TickSize.ToString());
        Echo(options.FeePerShare.Raw != 0, "fee_per_share", options.FeePerShare.ToString());
        Echo(options.FeeMinimum.Raw != 0, "fee_min", options.FeeMinimum.ToString());
        Echo(options.InitialCash != defaults.InitialCash, "initial_cash", options.InitialCash.ToString());
        Echo(options.EquityInterval != defaults.EquityInterval, "equity_interval", CliValues.FormatDuration(options.EquityInterval));
        Echo(options.MarketClose != defaults.MarketClose, "market_close", close.ToString("HH:mm", CultureInfo.InvariantCulture));
        return options;
    }

    /// <summary>Refuses a fill model the data cannot drive: the bar model fills on minute bars only.</summary>
    public void CheckResolution(ParseResult parse, LeanResolution resolution)
    {
        if (parse.GetValue(_fillModel) == "bar" && resolution != LeanResolution.Minute)
        {
            throw new UsageException("--fill-model bar fills on minute bars: use it with --resolution minute");
        }
    }
}
