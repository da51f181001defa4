using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>Drives an <see cref="ExecuteStage"/> directly with hand-made events and intents and collects what it records.</summary>
internal sealed class ExchangeHarness
{
    /// <summary>2013-10-07 09:30:00 America/New_York (13:30 UTC).</summary>
    public static readonly long Open = (new DateTime(2013, 10, 7, 13, 30, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100;

    private readonly PipelineSlot _slot = new();
    private long _sequence;

    public ExchangeHarness(ExecutionOptions? options = null, int symbols = 1)
    {
        options ??= new ExecutionOptions(default) { InitialCash = Money.Zero };
        Portfolio = new Portfolio(symbols, options.InitialCash);
        Stage = new ExecuteStage(Portfolio, options);
    }

    public Portfolio Portfolio { get; private set; }

    public ExecuteStage Stage { get; private set; }

    public List<Fill> Fills { get; } = [];

    public List<OrderEvent> Events { get; } = [];

    public List<EquitySample> Samples { get; } = [];

    /// <summary>The sequence the next event gets.</summary>
    public long Sequence => _sequence;

    /// <summary>The id of the order the last event's intent created.</summary>
    public ClientOrderId LastOrder { get; private set; }

    public static Price P(string text) => Price.TryParse(text, out var p) ? p : throw new FormatException(text);

    public static Quantity Q(long units) => Quantity.FromUnits(units);

    public static long Ms(long ms) => Open + (ms * 1_000_000);

    public void Trade(long ms, string price, OrderIntent intent = default, int symbol = 0, bool suspicious = false)
        => Run(new MarketEvent
        {
            Kind = MarketEventKind.Trade,
            Symbol = new SymbolId(symbol),
            TimeNanos = Ms(ms),
            Price = P(price),
            Size = Q(100),
            Flags = suspicious ? MarketEventFlags.Suspicious : MarketEventFlags.None,
        }, intent);

    public void Quote(long ms, string bid, long bidSize, string ask, long askSize, OrderIntent intent = default, int symbol = 0)
        => Run(new MarketEvent
        {
            Kind = MarketEventKind.Quote,
            Symbol = new SymbolId(symbol),
            TimeNanos = Ms(ms),
            Bid = P(bid),
            BidSize = Q(bidSize),
            Ask = P(ask),
            AskSize = Q(askSize),
        }, intent);

    public void Bar(long ms, string open, string high, string low, string close, OrderIntent intent = default, int symbol = 0)
        => Run(new MarketEvent
        {
            Kind = MarketEventKind.TradeBar,
            Symbol = new SymbolId(symbol),
            TimeNanos = Ms(ms),
            Open = P(open),
            High = P(high),
            Low = P(low),
            Price = P(close),
            Size = Q(1000),
        }, intent);

    public void Run(MarketEvent e, OrderIntent intent)
    {
        _slot.Kind = SlotKind.Frame;
        _slot.Market = e;
        _slot.Intent = intent;
        Stage.OnEvent(_slot, _sequence++, true);
        Collect();
    }

    public void End()
    {
        _slot.Kind = SlotKind.EndOfData;
        _slot.Market = default;
        _slot.Intent = default;
        Stage.OnEvent(_slot, _sequence++, true);
        Collect();
    }

    /// <summary>Replaces the stage and portfolio with fresh ones restored from this one's checkpoint state.</summary>
    public byte[] Save() => global::RoboTrader.Engine.Checkpoints.CheckpointState.Save(Stage);

    /// <summary>Loads <paramref name="state"/> into this harness's stage (a fresh harness with the same options) and continues at <paramref name="sequence"/>.</summary>
    public void Load(byte[] state, long sequence)
    {
        global::RoboTrader.Engine.Checkpoints.CheckpointState.Load(Stage, state);
        _sequence = sequence;
    }

    /// <summary>The status history of one order.</summary>
    public List<OrderStatus> History(long id) => Events.Where(e => e.OrderId.Value == id).Select(e => e.Status).ToList();

    public List<OrderEvent> EventsOf(long id) => Events.Where(e => e.OrderId.Value == id).ToList();

    public OrderStatus StatusOf(long id) => Events.Last(e => e.OrderId.Value == id).Status;

    private void Collect()
    {
        LastOrder = _slot.OrderId;
        Fills.AddRange(_slot.Fills.ToArray());
        Events.AddRange(_slot.OrderEvents.ToArray());
        if (_slot.HasEquitySample)
        {
            Samples.Add(_slot.Equity);
        }
    }
}
