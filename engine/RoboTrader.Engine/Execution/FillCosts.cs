using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Execution;

/// <summary>
/// Slippage and fees of a simulated fill. Slippage moves the price against the order (buys up, sells down) by
/// <c>--slippage-ticks</c> × <c>--tick-size</c> or by <c>--slippage-bps</c> of the price (rounded half away from zero
/// to 10^-8), then a limit clamps it: a limit order never fills at a price worse than its limit. The fee of a fill is
/// notional × <c>--fee-bps</c> / 10000 + qty × <c>--fee-per-share</c>, at least <c>--fee-min</c>.
/// </summary>
public sealed class FillCosts
{
    private readonly long _slippageTicks;
    private readonly BasisPoints _slippageBps;
    private readonly BasisPoints _feeBps;
    private readonly Price _feePerShare;
    private readonly Money _feeMinimum;

    /// <summary>Creates the costs of <paramref name="options"/> (validated by the caller).</summary>
    public FillCosts(ExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slippageTicks = options.SlippageTicks * options.TickSize.Raw;
        _slippageBps = options.SlippageBps;
        _feeBps = options.FeeBps;
        _feePerShare = options.FeePerShare;
        _feeMinimum = options.FeeMinimum;
    }

    /// <summary>The price a <paramref name="side"/> order fills at when the market offers <paramref name="market"/>.</summary>
    /// <param name="side">The order's side.</param>
    /// <param name="market">The model's price (a print, the ask or bid, a bar's open or a level it crossed).</param>
    /// <param name="hasLimit">True for a limit or stop-limit order.</param>
    /// <param name="limit">Its limit.</param>
    public Price Execution(Side side, Price market, bool hasLimit, Price limit)
    {
        var slip = _slippageTicks != 0
            ? _slippageTicks
            : _slippageBps.Raw != 0 ? (long)_slippageBps.Of(new Money(market.Raw)).Raw : 0;
        if (side == Side.Buy)
        {
            var price = market.Raw + slip;
            return new Price(hasLimit ? Math.Min(price, limit.Raw) : price);
        }
        else
        {
            var price = Math.Max(0, market.Raw - slip);
            return new Price(hasLimit ? Math.Max(price, limit.Raw) : price);
        }
    }

    /// <summary>The fee of a fill of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
    public Money Fee(Quantity quantity, Price price)
    {
        var fee = _feeBps.Of(Money.Notional(quantity, price));
        if (_feePerShare.Raw != 0)
        {
            fee += Money.Notional(quantity, _feePerShare);
        }

        return fee.Raw < _feeMinimum.Raw ? _feeMinimum : fee;
    }
}
