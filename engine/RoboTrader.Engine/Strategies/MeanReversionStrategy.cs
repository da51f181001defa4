using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// Mean reversion with limit orders, per symbol, on trade prints (ticks or bar closes; suspicious and partial prints
/// ignored). Each print joins a rolling window of the last N prints (itself included); once the window is full, the
/// print's z-score z = (p − mean) / σ (population σ of the window) is compared exactly with the thresholds, and the
/// strategy decides which single order it wants working:
/// <list type="bullet">
/// <item>flat: z ≤ −entry → a buy limit for the quantity at p; z ≥ +entry → a sell limit at p; otherwise none;</item>
/// <item>long: |z| ≤ exit → a sell limit for the whole position at the mean rounded up to the tick; otherwise it keeps
/// what is working (no new order);</item>
/// <item>short: |z| ≤ exit → a buy limit for the whole position at the mean rounded down to the tick; otherwise keep.</item>
/// </list>
/// Then it emits at most one intent to get there: a new limit when nothing is working; a cancel when the working
/// order is no longer wanted (an entry whose signal is gone, an order on the other side); a replace when the wanted
/// quantity or price differs — except that an order the print reaches (a bar: its range) is left to fill, since
/// moving or cancelling it would race its fill. With more than one working order (which it never creates itself)
/// it cancels the newest first.
/// </summary>
/// <remarks>
/// Zero allocation per event; state (every symbol's window) is checkpointed. Prints at or above
/// 2^47 raw (1,407,374.88 units) are outside the exact arithmetic's range: they are counted in <see cref="Ignored"/> and
/// otherwise ignored.
/// </remarks>
public sealed class MeanReversionStrategy : IStrategy, ICheckpointable
{
    private readonly MeanReversionOptions _options;
    private readonly RollingMoments[] _windows;

    /// <summary>Creates the strategy for <paramref name="symbolCount"/> symbols.</summary>
    public MeanReversionStrategy(MeanReversionOptions options, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _windows = new RollingMoments[symbolCount];
        for (var i = 0; i < symbolCount; i++)
        {
            _windows[i] = new RollingMoments(options.Window);
        }
    }

    /// <summary>Prints ignored because their price is outside the exact arithmetic's range.</summary>
    public long Ignored { get; private set; }

    /// <summary>The sign of z − <paramref name="threshold"/> for <paramref name="price"/> against the symbol's current window (exact).</summary>
    public int CompareZ(SymbolId symbol, Price price, ZScore threshold) => _windows[symbol.Value].CompareZ(price.Raw, threshold.Raw);

    /// <inheritdoc />
    public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (!e.IsTradePrint || e.IsSuspicious || e.IsPartial)
        {
            return;
        }

        var price = e.Price.Raw;
        if (price <= 0 || price >= RollingMoments.MaxPrice)
        {
            Ignored++;
            return;
        }

        var window = _windows[e.Symbol.Value];
        window.Add(price);
        if (!window.IsFull)
        {
            return;
        }

        var position = portfolio.PositionOf(e.Symbol).Raw;
        var want = Want(window, price, position);
        Reconcile(in e, want, portfolio.WorkingOrders(e.Symbol), ref intent);
    }

    private Wanted Want(RollingMoments window, long price, long position)
    {
        if (position == 0)
        {
            if (window.CompareZ(price, -_options.EntryZ.Raw) <= 0)
            {
                return new Wanted(WantedKind.Order, Side.Buy, _options.Quantity.Raw, price);
            }

            return window.CompareZ(price, _options.EntryZ.Raw) >= 0
                ? new Wanted(WantedKind.Order, Side.Sell, _options.Quantity.Raw, price)
                : new Wanted(WantedKind.Nothing, Side.None, 0, 0);
        }

        var nearMean = window.CompareZ(price, -_options.ExitZ.Raw) >= 0 && window.CompareZ(price, _options.ExitZ.Raw) <= 0;
        if (!nearMean)
        {
            return new Wanted(WantedKind.Keep, Side.None, 0, 0);
        }

        var tick = _options.TickSize.Raw;
        return position > 0
            ? new Wanted(WantedKind.Order, Side.Sell, position, window.MeanCeiling(tick))
            : new Wanted(WantedKind.Order, Side.Buy, -position, window.MeanFloor(tick));
    }

    private static void Reconcile(in MarketEvent e, Wanted want, ReadOnlySpan<Order> working, ref OrderIntent intent)
    {
        if (working.Length > 1)
        {
            Cancel(in e, in working[^1], ref intent);
            return;
        }

        if (working.IsEmpty)
        {
            if (want.Kind == WantedKind.Order)
            {
                Limit(in e, want, OrderAction.New, ClientOrderId.None, ref intent);
            }

            return;
        }

        ref readonly var order = ref working[0];
        if (want.Kind == WantedKind.Keep || Reaches(in e, in order))
        {
            // Kept, or filling on this very print: moving or cancelling it now would race its fill.
            return;
        }

        if (want.Kind == WantedKind.Nothing || order.Side != want.Side)
        {
            Cancel(in e, in order, ref intent);
            return;
        }

        if (order.Type != OrderType.Limit || order.LimitPrice.Raw != want.Price || order.Quantity.Raw != want.Quantity)
        {
            Limit(in e, want, OrderAction.Replace, order.Id, ref intent);
        }
    }

    /// <summary>True when the print (a bar: its range) reaches the working order's limit, so the order fills rather than needs moving.</summary>
    private static bool Reaches(in MarketEvent e, in Order order)
    {
        if (order.Type != OrderType.Limit)
        {
            return order.Type == OrderType.Market;
        }

        var bar = e.Kind == MarketEventKind.TradeBar;
        return order.Side == Side.Buy
            ? (bar ? e.Low : e.Price) <= order.LimitPrice
            : (bar ? e.High : e.Price) >= order.LimitPrice;
    }

    private static void Limit(in MarketEvent e, Wanted want, OrderAction action, ClientOrderId target, ref OrderIntent intent)
    {
        intent = default;
        intent.Symbol = e.Symbol;
        intent.Side = want.Side;
        intent.Type = OrderType.Limit;
        intent.Quantity = new Quantity(want.Quantity);
        intent.LimitPrice = new Price(want.Price);
        intent.TimeInForce = TimeInForce.Gtc;
        intent.Action = action;
        intent.Target = target;
        intent.ReferencePrice = e.Price;
    }

    private static void Cancel(in MarketEvent e, in Order order, ref OrderIntent intent)
    {
        intent = default;
        intent.Symbol = order.Symbol;
        intent.Side = order.Side;
        intent.Type = order.Type;
        intent.Quantity = order.Quantity;
        intent.LimitPrice = order.LimitPrice;
        intent.Action = OrderAction.Cancel;
        intent.Target = order.Id;
        intent.ReferencePrice = e.Price;
    }

    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteInt64(Ignored);
        writer.WriteArrayHeader(_windows.Length);
        foreach (var window in _windows)
        {
            window.WriteState(ref writer);
        }
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        Ignored = CheckpointState.ReadInt64(ref reader);
        if (!reader.TryReadArrayHeader(out var count) || count != _windows.Length)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, "checkpoint state is malformed: mean-reversion has another number of symbols");
        }

        foreach (var window in _windows)
        {
            window.ReadState(ref reader);
        }
    }

    private enum WantedKind : byte
    {
        Nothing,
        Keep,
        Order,
    }

    private readonly record struct Wanted(WantedKind Kind, Side Side, long Quantity, long Price);
}
