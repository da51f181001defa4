using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// N-bar channel breakout with bracket orders, per symbol, on trade bars only (ticks, quotes, suspicious and partial
/// bars ignored). Once N bars have been seen, a bar whose close is strictly above the highest high of the N bars
/// before it emits a buy; a close strictly below their lowest low, a sell (short) — only while the symbol is flat
/// with nothing working. The entry is a market order for the quantity carrying a bracket: take-profit at close ±
/// the take-profit distance and stop-loss at close ∓ the stop-loss distance (whole ticks), one cancelling the other
/// once the entry fills. A short whose take-profit would not be above zero is not entered.
/// </summary>
/// <remarks>
/// The channel is found by scanning the N stored bars (one bar a minute per symbol: O(N) is nothing at that rate);
/// zero allocation per event; state (every symbol's bars) is checkpointed. Trade ticks are refused at start-up
/// (<see cref="BreakoutOptions.TickInputMessage"/>).
/// </remarks>
public sealed class BreakoutStrategy : IStrategy, ICheckpointable
{
    private readonly BreakoutOptions _options;
    private readonly long[] _highs;
    private readonly long[] _lows;
    private readonly long[] _counts;

    /// <summary>Creates the strategy for <paramref name="symbolCount"/> symbols.</summary>
    public BreakoutStrategy(BreakoutOptions options, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _highs = new long[symbolCount * options.Lookback];
        _lows = new long[symbolCount * options.Lookback];
        _counts = new long[symbolCount];
    }

    /// <inheritdoc />
    public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (e.Kind != MarketEventKind.TradeBar || e.IsSuspicious || e.IsPartial)
        {
            return;
        }

        var n = _options.Lookback;
        var symbol = e.Symbol.Value;
        var highs = _highs.AsSpan(symbol * n, n);
        var lows = _lows.AsSpan(symbol * n, n);
        var count = _counts[symbol];
        if (count >= n && IsFlat(e.Symbol, portfolio))
        {
            var close = e.Price.Raw;
            if (close > Max(highs))
            {
                Bracket(in e, Side.Buy, ref intent);
            }
            else if (close < Min(lows))
            {
                Bracket(in e, Side.Sell, ref intent);
            }
        }

        var slot = (int)(count % n);
        highs[slot] = e.High.Raw;
        lows[slot] = e.Low.Raw;
        _counts[symbol] = count + 1;
    }

    private static bool IsFlat(SymbolId symbol, IPortfolioView portfolio)
        => portfolio.PositionOf(symbol).IsZero && portfolio.PendingBuyOf(symbol).IsZero && portfolio.PendingSellOf(symbol).IsZero;

    private void Bracket(in MarketEvent e, Side side, ref OrderIntent intent)
    {
        var close = e.Price.Raw;
        var tick = _options.TickSize.Raw;
        var takeProfit = _options.TakeProfit.TicksFrom(close, tick) * tick;
        var stopLoss = _options.StopLoss.TicksFrom(close, tick) * tick;
        var direction = side == Side.Buy ? 1 : -1;
        var takeProfitPrice = close + (direction * takeProfit);
        var stopLossPrice = close - (direction * stopLoss);
        if (takeProfitPrice <= 0 || stopLossPrice <= 0)
        {
            return;
        }

        intent = default;
        intent.Symbol = e.Symbol;
        intent.Side = side;
        intent.Type = OrderType.Market;
        intent.Quantity = _options.Quantity;
        intent.TimeInForce = TimeInForce.Gtc;
        intent.TakeProfitPrice = new Price(takeProfitPrice);
        intent.StopLossPrice = new Price(stopLossPrice);
        intent.ReferencePrice = e.Price;
    }

    private static long Max(ReadOnlySpan<long> values)
    {
        var max = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            max = Math.Max(max, values[i]);
        }

        return max;
    }

    private static long Min(ReadOnlySpan<long> values)
    {
        var min = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
        }

        return min;
    }

    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer)
    {
        CheckpointState.WriteSpan<long>(ref writer, _highs);
        CheckpointState.WriteSpan<long>(ref writer, _lows);
        CheckpointState.WriteSpan<long>(ref writer, _counts);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        CheckpointState.ReadSpan<long>(ref reader, _highs);
        CheckpointState.ReadSpan<long>(ref reader, _lows);
        CheckpointState.ReadSpan<long>(ref reader, _counts);
    }
}
