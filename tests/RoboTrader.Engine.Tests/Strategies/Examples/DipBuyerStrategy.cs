using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Tests.Strategies.Examples;

/// <summary>
/// Buys the dip: per symbol, tracks the highest trade price since its last bid; when a print is at least
/// <c>drop</c> below that high and the symbol is flat with nothing working, it bids for the quantity with a
/// limit at the print, and starts tracking again from there.
/// </summary>
public sealed class DipBuyerStrategy : IStrategy, ICheckpointable
{
    private static readonly long s_whole = 10_000 * FixedPoint.Scale; // 100 % in raw basis points
    private readonly BasisPoints _drop;
    private readonly Quantity _quantity;
    private readonly long[] _high; // raw prices, one per symbol: allocated once, never per event

    /// <summary>Creates the strategy for <paramref name="symbolCount"/> symbols.</summary>
    public DipBuyerStrategy(BasisPoints drop, Quantity quantity, int symbolCount)
    {
        _drop = drop;
        _quantity = quantity;
        _high = new long[symbolCount];
    }

    /// <inheritdoc />
    public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
    {
        if (!e.IsTradePrint || e.IsSuspicious || e.IsPartial)
        {
            return;
        }

        ref var high = ref _high[e.Symbol.Value];
        high = Math.Max(high, e.Price.Raw);

        // price ≤ high × (1 − drop), exactly: price × 100 % ≤ high × (100 % − drop).
        var dipped = (Int128)e.Price.Raw * s_whole <= (Int128)high * (s_whole - _drop.Raw);
        var flat = portfolio.PositionOf(e.Symbol).IsZero && portfolio.WorkingOrders(e.Symbol).IsEmpty;
        if (!dipped || !flat || envelope.Halted)
        {
            return;
        }

        intent.Symbol = e.Symbol;
        intent.Side = Side.Buy;
        intent.Type = OrderType.Limit;
        intent.Quantity = _quantity; // decide clamps it to envelope.MaxBuy if need be
        intent.LimitPrice = e.Price;
        intent.ReferencePrice = e.Price;
        high = e.Price.Raw;
    }

    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer) => CheckpointState.WriteSpan<long>(ref writer, _high);

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader) => CheckpointState.ReadSpan<long>(ref reader, _high);
}
