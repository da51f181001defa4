using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Strategies;
using RoboTrader.Engine.Tests.Strategies.Examples;
using static RoboTrader.Engine.Tests.Strategies.StrategyEvents;

namespace RoboTrader.Engine.Tests.Strategies;

/// <summary>
/// The new strategies are checkpointable (a restored copy continues exactly like the original) and allocate nothing
/// per event.
/// </summary>
public sealed class StrategyStateTests
{
    public static TheoryData<string> Strategies => ["mean-reversion", "breakout", "dip-buyer"];

    private static IStrategy Create(string name) => name switch
    {
        "mean-reversion" => new MeanReversionStrategy(new MeanReversionOptions(20, ZScore.FromUnits(1), new ZScore(FixedPoint.Scale / 4), Quantity.FromUnits(10), P("0.01")), 2),
        "breakout" => new BreakoutStrategy(new BreakoutOptions(5, Quantity.FromUnits(10), PriceDistance.Ticks(8), PriceDistance.Ticks(4), P("0.01")), 2),
        _ => new DipBuyerStrategy(new BasisPoints(30 * FixedPoint.Scale), Quantity.FromUnits(10), 2),
    };

    /// <summary>A seeded random walk over two symbols, as trade ticks and as one-minute bars.</summary>
    private static MarketEvent[] Events(int count, int seed)
    {
        var random = new Random(seed);
        var prices = new long[] { 1_000_000_000, 2_000_000_000 };
        var events = new MarketEvent[count];
        for (var i = 0; i < count; i++)
        {
            var s = i % 2;
            var open = prices[s];
            var close = Math.Max(1_000_000, open + (random.Next(-30, 31) * 1_000_000L));
            prices[s] = close;
            var high = Math.Max(open, close) + (random.Next(0, 5) * 1_000_000L);
            var low = Math.Max(1_000_000, Math.Min(open, close) - (random.Next(0, 5) * 1_000_000L));
            events[i] = new MarketEvent
            {
                Kind = i % 3 == 0 ? MarketEventKind.Trade : MarketEventKind.TradeBar,
                Symbol = new SymbolId(s),
                TimeNanos = i * 60_000_000_000L,
                Open = new Price(open),
                High = new Price(high),
                Low = new Price(low),
                Price = new Price(close),
                Size = Quantity.FromUnits(100),
            };
        }

        return events;
    }

    /// <summary>Runs the strategy over events with a venue that accepts every intent, fills the oldest working order of a symbol at its next print, and closes positions every 25 events.</summary>
    private static List<OrderIntent> Drive(IStrategy strategy, PaperVenue venue, ReadOnlySpan<MarketEvent> events)
    {
        var intents = new List<OrderIntent>();
        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            if (i % 25 == 0)
            {
                venue.Flatten(e.Symbol, e.Price); // exits the entry-only strategies (breakout's bracket, the dip buyer) do not emit
            }

            var working = venue.Portfolio.WorkingOrders(e.Symbol);
            if (working.Length > 0)
            {
                venue.Fill(e.Symbol, working[0].Id, e.Price);
            }

            var intent = default(OrderIntent);
            strategy.OnMarketEvent(in e, 0, Open, venue.Portfolio, ref intent);
            if (intent.IsPresent)
            {
                intents.Add(intent);
                venue.Apply(in intent);
            }
        }

        return intents;
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void WriteStateReadState_RestoredCopy_ContinuesExactlyLikeTheOriginal(string name)
    {
        var events = Events(4_000, 11);
        var original = Create(name);
        var venue = new PaperVenue(2);
        Drive(original, venue, events.AsSpan(0, 2_000));
        var saved = CheckpointState.Save((ICheckpointable)original);

        var restored = Create(name);
        CheckpointState.Load((ICheckpointable)restored, saved);
        Assert.Equal(saved, CheckpointState.Save((ICheckpointable)restored));

        // Same portfolio for both continuations: a copy of the venue's state at the checkpoint.
        var copy = new PaperVenue(2);
        CheckpointState.Load(copy.Portfolio, CheckpointState.Save(venue.Portfolio));
        var expected = Drive(original, venue, events.AsSpan(2_000));
        var actual = Drive(restored, copy, events.AsSpan(2_000));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(CheckpointState.Save((ICheckpointable)original), CheckpointState.Save((ICheckpointable)restored));

        // The state is not trivially empty: a fresh strategy's differs (so the round trip is a real test).
        Assert.NotEqual(saved, CheckpointState.Save((ICheckpointable)Create(name)));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void OnMarketEvent_SteadyState_AllocatesNothing(string name)
    {
        var events = Events(20_000, 5);
        var strategy = Create(name);
        var portfolio = new RoboTrader.Engine.Execution.Portfolio(2);
        var envelope = Open;
        var emitted = 0;

        // Warm up (JIT tiers), then measure the same work again. A per-event allocation shows in every window of 20,000
        // events; a one-off (the runtime tiering a method up late, under load) only in one.
        var windows = new List<long>();
        for (var round = 0; round < 6 && (windows.Count == 0 || windows[^1] != 0); round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (ref readonly var e in events.AsSpan())
            {
                var intent = default(OrderIntent);
                strategy.OnMarketEvent(in e, 0, in envelope, portfolio, ref intent);
                emitted += intent.IsPresent ? 1 : 0;
            }

            if (round > 0)
            {
                windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        Assert.True(emitted > 0, "the strategy should emit intents on this walk");
        Assert.True(windows[^1] == 0, $"bytes allocated per window of 20,000 events: {string.Join(", ", windows)}");
    }
}
