using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// Keeps the last trade and quote per symbol, the trading state and the portfolio limits, and writes the event's risk
/// envelope: the state, how much may still be bought or sold under every quantity, notional and exposure limit
/// (working orders included), the price bands, and the data guards. Applies operator commands (strict-level only, by
/// construction of the parser) when their event reaches it.
/// </summary>
/// <remarks>
/// <para>Trading states: ACTIVE; REDUCING (only orders that reduce the position, and cancels); HALTED (cancels only).
/// A portfolio limit breach — daily loss and drawdown (default HALTED), gross and net exposure and portfolio risk %
/// (default REDUCING), each configurable — moves the state up, never down; only a command moves it down:
/// <c>resume</c> (ACTIVE), <c>reduce</c> (REDUCING; both also release the kill switch), <c>halt</c> (HALTED, engages the
/// kill switch). An engaged kill switch (operator or stage fault) means HALTED. A portfolio rule records a breach when
/// its condition starts to hold and again only after it has cleared (a new day for the daily loss).</para>
/// <para>Runs on the thread that runs execute (it reads the portfolio). Commands are applied in ring order, so they take
/// effect at the same point of the market stream on every run and every placement. A refused command changes nothing
/// and is counted.</para>
/// </remarks>
public sealed partial class RiskStage : IStage, ICheckpointable
{
    private readonly RiskOptions _options;
    private readonly KillSwitch _killSwitch;
    private readonly IPortfolioView _portfolio;
    private readonly Portfolio? _book; // _portfolio when it is the engine's own: read directly on every event
    private readonly RiskGate _gate;
    private readonly long[] _lastTrade;
    private readonly long[] _lastTradeNanos;
    private readonly long[] _bid;
    private readonly long[] _ask;
    private readonly long[] _maxPosition;
    private readonly long[] _bandPercent;
    private readonly Int128[] _maxPositionNotional;
    private TradingState _state;

    /// <summary>Creates the stage.</summary>
    public RiskStage(RiskOptions options, KillSwitch killSwitch, IPortfolioView portfolio, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(killSwitch);
        ArgumentNullException.ThrowIfNull(portfolio);
        options.Validate();
        _options = options;
        _killSwitch = killSwitch;
        _portfolio = portfolio;
        _book = portfolio as Portfolio;
        _gate = new RiskGate(options, symbolCount);
        _lastTrade = new long[symbolCount];
        _lastTradeNanos = new long[symbolCount];
        _bid = new long[symbolCount];
        _ask = new long[symbolCount];
        _maxPosition = new long[symbolCount];
        _bandPercent = new long[symbolCount];
        _maxPositionNotional = new Int128[symbolCount];
        Array.Fill(_maxPosition, options.MaxPosition.Raw);
        Array.Fill(_bandPercent, options.PriceBandPercent);
        Array.Fill(_maxPositionNotional, options.MaxPositionNotional.Raw);
        _limits = PortfolioLimits.From(options);
        if (options.KillSwitchEngaged)
        {
            killSwitch.Engage("risk.kill-switch set in configuration");
            _state = TradingState.Halted;
        }
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Risk;

    /// <summary>The gate (throttle, breach latches and counts) decide checks intents through.</summary>
    public RiskGate Gate => _gate;

    /// <summary>The trading state in force (HALTED while the kill switch is engaged).</summary>
    public TradingState State => _killSwitch.IsEngaged ? TradingState.Halted : _state;

    /// <summary>The last non-suspicious trade price of <paramref name="symbol"/> (zero before the first).</summary>
    public Price LastTrade(SymbolId symbol) => new(_lastTrade[symbol.Value]);

    /// <summary>Operator commands applied.</summary>
    public long CommandsApplied { get; private set; }

    /// <summary>Operator commands refused (an invalid limit value).</summary>
    public long CommandsRefused { get; private set; }

    /// <summary>The position limit in force for <paramref name="symbol"/>.</summary>
    public Quantity MaxPositionOf(SymbolId symbol) => new(_maxPosition[symbol.Value]);

    /// <summary>The price band (percent) in force for <paramref name="symbol"/>.</summary>
    public long PriceBandPercentOf(SymbolId symbol) => _bandPercent[symbol.Value];

    /// <summary>Breaches recorded for <paramref name="rule"/>.</summary>
    public long Breaches(RiskRule rule) => _gate.Count(rule);

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        slot.Breaches.Clear();
        ref var e = ref slot.Market;
        if (e.Kind == MarketEventKind.None)
        {
            if (slot.Command.IsPresent)
            {
                Apply(in slot.Command, sequence);
            }

            slot.Envelope = default;
            slot.Envelope.State = TradingState.Halted; // no market data, no orders
            return;
        }

        var symbol = e.Symbol.Value;
        if (!e.IsSuspicious && !e.IsPartial)
        {
            if (e.IsTradePrint)
            {
                _lastTrade[symbol] = e.Price.Raw;
                _lastTradeNanos[symbol] = e.TimeNanos;
            }
            else if (e.Kind is MarketEventKind.Quote or MarketEventKind.QuoteBar)
            {
                _bid[symbol] = e.Bid.Raw;
                _ask[symbol] = e.Ask.Raw;
            }
        }

        _gate.NowNanos = e.TimeNanos;
        var figures = default(PortfolioFigures);
        if (_limits.Any)
        {
            figures = Measure(e.Symbol);
            CheckPortfolio(ref slot.Breaches, e.Symbol, e.TimeNanos, in figures);
        }

        WriteEnvelope(ref slot.Envelope, e.Symbol, e.TimeNanos, in figures);
    }

    private void WriteEnvelope(ref RiskEnvelope envelope, SymbolId id, long timeNanos, in PortfolioFigures figures)
    {
        var symbol = id.Value;
        var reference = _lastTrade[symbol];
        var band = BandWidth(reference, _bandPercent[symbol]);
        long position, long_, short_;
        if (_book is { } book)
        {
            // Direct (inlined) reads: three interface calls here were a dispatch stub's samples in the --state profile.
            position = book.PositionOf(id).Raw;
            long_ = position + book.PendingBuyOf(id).Raw;
            short_ = position - book.PendingSellOf(id).Raw;
        }
        else
        {
            position = _portfolio.PositionOf(id).Raw;
            long_ = position + _portfolio.PendingBuyOf(id).Raw;
            short_ = position - _portfolio.PendingSellOf(id).Raw;
        }

        var state = State;

        envelope.State = state;
        envelope.Symbol = id;
        envelope.Gate = _gate;
        envelope.Reference = new Price(reference);
        envelope.BandLow = new Price(reference - band);
        envelope.BandHigh = new Price(reference + band);
        envelope.MaxOrderNotional = new Money(_limits.MaxOrderNotional);
        WriteGuards(ref envelope, symbol, timeNanos);
        switch (state)
        {
            case TradingState.Active:
                var longCap = _maxPosition[symbol];
                var shortCap = longCap;
                var longRule = RiskRule.MaxPosition;
                var shortRule = RiskRule.MaxPosition;
                if (reference > 0)
                {
                    Caps(symbol, reference, in figures, ref longCap, ref longRule, ref shortCap, ref shortRule);
                }

                envelope.MaxBuy = new Quantity(Math.Max(0, longCap - long_));
                envelope.MaxSell = new Quantity(Math.Max(0, shortCap + short_));
                envelope.BuyRule = longRule;
                envelope.SellRule = shortRule;
                break;
            case TradingState.Reducing:
                envelope.MaxBuy = new Quantity(Math.Max(0, -long_));
                envelope.MaxSell = new Quantity(Math.Max(0, short_));
                envelope.BuyRule = RiskRule.ReduceOnly;
                envelope.SellRule = RiskRule.ReduceOnly;
                break;
            default:
                envelope.MaxBuy = Quantity.Zero;
                envelope.MaxSell = Quantity.Zero;
                envelope.BuyRule = RiskRule.Halted;
                envelope.SellRule = RiskRule.Halted;
                break;
        }
    }

    /// <summary>The stale-data and crossed-quote guards and the midpoint band.</summary>
    private void WriteGuards(ref RiskEnvelope envelope, int symbol, long timeNanos)
    {
        envelope.Block = RiskRule.None;
        envelope.BlockObserved = 0;
        envelope.BlockLimit = 0;
        envelope.MidBandLow = Price.Zero;
        envelope.MidBandHigh = Price.Zero;
        long bid = _bid[symbol], ask = _ask[symbol];
        var crossed = bid > 0 && ask > 0 && bid >= ask;
        var staleNanos = _options.StaleAfter.Ticks * 100;
        if (staleNanos > 0 && _lastTrade[symbol] != 0 && timeNanos - _lastTradeNanos[symbol] > staleNanos)
        {
            envelope.Block = RiskRule.StaleData;
            envelope.BlockObserved = (timeNanos - _lastTradeNanos[symbol] + 9) / 10; // ns → 10^-8 s, rounded up: a stale age never shows as the limit
            envelope.BlockLimit = staleNanos / 10;
        }
        else if (_options.CrossedQuoteGuard && crossed)
        {
            envelope.Block = RiskRule.CrossedQuote;
            envelope.BlockObserved = bid;
            envelope.BlockLimit = ask;
        }

        if (_options.MidBandPercent != 0 && bid > 0 && ask > 0 && !crossed)
        {
            var mid = (long)(((Int128)bid + ask) / 2);
            var width = BandWidthFixed(mid, _options.MidBandPercent);
            envelope.MidBandLow = new Price(mid - width);
            envelope.MidBandHigh = new Price(mid + width);
        }
    }

    /// <summary>reference × percent / 100 rounded half up; in 64-bit arithmetic unless the product could overflow.</summary>
    private static long BandWidth(long reference, long percent)
        => reference <= long.MaxValue / 100
            ? ((reference * percent) + 50) / 100
            : (long)FixedPoint.DivideRounded((Int128)reference * percent, 100);

    /// <summary>reference × percent (raw fixed-point percent) / 100, rounded half up.</summary>
    private static long BandWidthFixed(long reference, long percentRaw)
        => (long)FixedPoint.DivideRounded((Int128)reference * percentRaw, 100 * (Int128)FixedPoint.Scale);

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }
}
