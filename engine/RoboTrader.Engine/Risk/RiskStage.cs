using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// Keeps the last trade price per symbol and writes the event's risk envelope: how much may still be bought or
/// sold under the position limit (working orders included), the price band around the last trade, and whether the
/// kill switch forbids orders.
/// </summary>
/// <remarks>Runs on the thread that runs execute (it reads the portfolio).</remarks>
public sealed class RiskStage : IStage
{
    private readonly RiskOptions _options;
    private readonly KillSwitch _killSwitch;
    private readonly IPortfolioView _portfolio;
    private readonly long[] _lastTrade;

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
        _lastTrade = new long[symbolCount];
        if (options.KillSwitchEngaged)
        {
            killSwitch.Engage("risk.kill-switch set in configuration");
        }
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Risk;

    /// <summary>The last non-suspicious trade price of <paramref name="symbol"/> (zero before the first).</summary>
    public Price LastTrade(SymbolId symbol) => new(_lastTrade[symbol.Value]);

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        ref var e = ref slot.Market;
        if (e.Kind == MarketEventKind.None)
        {
            slot.Envelope = default;
            slot.Envelope.Halted = true;
            return;
        }

        var symbol = e.Symbol.Value;
        if (e.IsTradePrint && !e.IsSuspicious && !e.IsPartial)
        {
            _lastTrade[symbol] = e.Price.Raw;
        }

        var position = _portfolio.PositionOf(e.Symbol).Raw;
        var maxPosition = _options.MaxPosition.Raw;
        var maxBuy = maxPosition - (position + _portfolio.PendingBuyOf(e.Symbol).Raw);
        var maxSell = maxPosition + (position - _portfolio.PendingSellOf(e.Symbol).Raw);
        var reference = _lastTrade[symbol];
        var band = BandWidth(reference, _options.PriceBandPercent);

        ref var envelope = ref slot.Envelope;
        envelope.Halted = _killSwitch.IsEngaged;
        envelope.MaxBuy = new Quantity(Math.Max(0, maxBuy));
        envelope.MaxSell = new Quantity(Math.Max(0, maxSell));
        envelope.Reference = new Price(reference);
        envelope.BandLow = new Price(reference - band);
        envelope.BandHigh = new Price(reference + band);
    }

    /// <summary>reference × percent / 100 rounded half up; in 64-bit arithmetic unless the product could overflow.</summary>
    private static long BandWidth(long reference, long percent)
        => reference <= long.MaxValue / 100
            ? ((reference * percent) + 50) / 100
            : (long)FixedPoint.DivideRounded((Int128)reference * percent, 100);

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }
}
