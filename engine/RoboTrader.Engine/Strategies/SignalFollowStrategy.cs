using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// Follows signals: on each trade print of a symbol (suspicious and partial prints ignored) the target position is
/// +quantity while its latest signal is a fresh buy, −quantity while it is a fresh sell, and flat when it is a hold,
/// stale or absent. When the target differs from position + working orders, a market order for the difference is
/// emitted. Confidence and horizon are not used.
/// </summary>
public sealed class SignalFollowStrategy : IStrategy
{
    private readonly Quantity _quantity;
    private readonly SignalBook _signals;

    /// <summary>Creates the strategy.</summary>
    public SignalFollowStrategy(Quantity quantity, SignalBook signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quantity.Raw, 0L, nameof(quantity));
        _quantity = quantity;
        _signals = signals;
    }

    /// <inheritdoc />
    public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (!e.IsTradePrint || e.IsSuspicious || e.IsPartial)
        {
            return;
        }

        var target = _signals.FreshDirection(e.Symbol, e.TimeNanos) switch
        {
            SignalDirection.Buy => _quantity.Raw,
            SignalDirection.Sell => -_quantity.Raw,
            _ => 0,
        };
        TargetOrder.Emit(in e, target, portfolio, ref intent);
    }
}
