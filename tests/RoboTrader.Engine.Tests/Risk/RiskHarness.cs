using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Tests.Risk;

/// <summary>Runs the risk stage on hand-made events over a <see cref="FakePortfolio"/> and checks intents against the envelopes.</summary>
internal sealed class RiskHarness
{
    /// <summary>2013-10-07 13:30:00 UTC (09:30 in New York), in nanoseconds.</summary>
    public const long T0 = 1_381_152_600_000_000_000;

    /// <summary>One second in nanoseconds.</summary>
    public const long Second = 1_000_000_000;

    private long _sequence;

    public RiskHarness(RiskOptions options, int symbols = 2)
    {
        Portfolio = new FakePortfolio(symbols);
        Kill = new KillSwitch();
        Risk = new RiskStage(options, Kill, Portfolio, symbols);
    }

    public FakePortfolio Portfolio { get; }

    public KillSwitch Kill { get; }

    public RiskStage Risk { get; }

    public static long Raw(string value) => FixedPoint.TryParse(value, out var raw) ? raw : throw new FormatException(value);

    public static Quantity Qty(string value) => new(Raw(value));

    public PipelineSlot Trade(int symbol, long timeNanos, string price)
    {
        var slot = new PipelineSlot();
        slot.Market = new MarketEvent { Kind = MarketEventKind.Trade, Symbol = new SymbolId(symbol), TimeNanos = timeNanos, Price = new Price(Raw(price)), Size = Quantity.FromUnits(100) };
        Risk.OnEvent(slot, _sequence++, true);
        Portfolio.Mark(symbol, price); // as execute does after risk on the same event
        return slot;
    }

    public PipelineSlot Quote(int symbol, long timeNanos, string bid, string ask)
    {
        var slot = new PipelineSlot();
        slot.Market = new MarketEvent { Kind = MarketEventKind.Quote, Symbol = new SymbolId(symbol), TimeNanos = timeNanos, Bid = new Price(Raw(bid)), Ask = new Price(Raw(ask)), BidSize = Quantity.FromUnits(100), AskSize = Quantity.FromUnits(100) };
        Risk.OnEvent(slot, _sequence++, true);
        return slot;
    }

    public PipelineSlot Command(CommandKind kind, CommandLimit limit = CommandLimit.None, string value = "0", int symbol = -1)
    {
        var slot = new PipelineSlot();
        slot.Command = new Command { Kind = kind, Limit = limit, Value = Raw(value), Symbol = symbol < 0 ? SymbolId.None : new SymbolId(symbol) };
        Risk.OnEvent(slot, _sequence++, true);
        return slot;
    }

    /// <summary>Checks <paramref name="intent"/> against the slot's envelope (as decide does), recording breaches on the slot.</summary>
    public static ErrorCode Check(PipelineSlot slot, ref OrderIntent intent) => EnvelopeCheck.Apply(ref intent, in slot.Envelope, ref slot.Breaches);

    public static OrderIntent Buy(string quantity, string price, int symbol = 0) => Market(Side.Buy, quantity, price, symbol);

    public static OrderIntent Sell(string quantity, string price, int symbol = 0) => Market(Side.Sell, quantity, price, symbol);

    public static OrderIntent LimitBuy(string quantity, string limit, int symbol = 0)
        => new() { Symbol = new SymbolId(symbol), Side = Side.Buy, Type = OrderType.Limit, Quantity = Qty(quantity), LimitPrice = new Price(Raw(limit)), ReferencePrice = new Price(Raw(limit)) };

    private static OrderIntent Market(Side side, string quantity, string price, int symbol)
        => new() { Symbol = new SymbolId(symbol), Side = side, Type = OrderType.Market, Quantity = Qty(quantity), ReferencePrice = new Price(Raw(price)) };

    /// <summary>The slot's breaches as "rule,STATE,detail" lines.</summary>
    public static string[] Breaches(PipelineSlot slot)
        => Enumerable.Range(0, slot.Breaches.Count)
            .Select(i => slot.Breaches[i])
            .Select(b => $"{RiskRules.Name(b.Rule)},{RiskRules.StateName(b.State)},{RiskBreachText.ToString(in b)}")
            .ToArray();
}
