using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Persistence;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;
using RoboTrader.Engine.Strategies;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// The cost of each stage on the hot path, as the marginal cost of running one more stage of the pipeline order over
/// the same slots: <see cref="Stages"/> = 0 is the harness alone (it writes each frame into its slot with a fresh
/// time, as ingest does), 1 adds parse, 2 risk, … 5 the whole fused group. The stages
/// depend on each other within an event (the intent decide hands to execute lives in the shared hand-off only for the
/// event in hand), so a stage cannot be timed alone honestly; the difference between two rows is that stage's cost.
/// </summary>
/// <remarks>
/// 8,192 slots (the default ring) of LEAN-format frames for four symbols, 23 % trades and 77 % quotes as in the real
/// data, prices on a seeded random walk; risk with position, notional, order-rate, band and guard limits on; sma-cross
/// 5/20 so orders, fills and rows flow (persist writes to a temporary folder). Every stage must allocate 0 B.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class StageBenchmarks : IDisposable
{
    private const int Slots = 8192;
    private const int Laps = 8;
    private static readonly string[] s_symbols = ["AIG", "BAC", "IBM", "SPY"];

    private readonly string _out = Path.Combine(Path.GetTempPath(), "robotrader-stage-bench-" + Guid.NewGuid().ToString("N"));
    private PipelineSlot[] _slots = [];
    private byte[][] _frames = [];
    private SourceId[] _sources = [];
    private IStage[] _stages = [];
    private PersistStage? _persist;
    private long _sequence;
    private long _milliseconds = 34_200_000; // 09:30 in LEAN's milliseconds since midnight; one per event from here

    /// <summary>How many stages of the pipeline order run on each event (0 = none … 5 = parse to persist).</summary>
    [Params(0, 1, 2, 3, 4, 5)]
    public int Stages { get; set; }

    /// <summary>Builds the slots and the stages, and runs every stage over the slots once (warm state).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var symbols = new SymbolTable(s_symbols);
        var registry = new SourceRegistry();
        var trades = new SourceId[s_symbols.Length];
        var quotes = new SourceId[s_symbols.Length];
        var date = new DateOnly(2013, 10, 7);
        for (var s = 0; s < s_symbols.Length; s++)
        {
            trades[s] = registry.Register(new SourceDescriptor(new SymbolId(s), FrameFormat.LeanTradeTick, date, "America/New_York", 4, s_symbols[s] + "-trade"));
            quotes[s] = registry.Register(new SourceDescriptor(new SymbolId(s), FrameFormat.LeanQuoteTick, date, "America/New_York", 4, s_symbols[s] + "-quote"));
        }

        var handOff = new FusedHandOff();
        _slots = new PipelineSlot[Slots];
        _frames = new byte[Slots][];
        _sources = new SourceId[Slots];
        var random = new Random(20131007);
        var prices = new long[s_symbols.Length];
        Array.Fill(prices, 150_000); // 15.00 in LEAN's 1/10,000 units
        var frame = new StringBuilder();
        for (var i = 0; i < Slots; i++)
        {
            var s = random.Next(s_symbols.Length);
            prices[s] = Math.Max(1_000, prices[s] + (random.Next(3) - 1) * 100);
            const string ms = "00000000"; // the time field: written per event by RunLap
            frame.Clear();
            var trade = random.Next(100) < 23;
            frame.Append(trade
                ? string.Create(CultureInfo.InvariantCulture, $"{ms},{prices[s]},{random.Next(1, 50) * 100},P,00000000,0")
                : string.Create(CultureInfo.InvariantCulture, $"{ms},{prices[s] - 100},{random.Next(1, 50) * 100},{prices[s] + 100},{random.Next(1, 50) * 100},P,1,0"));
            _frames[i] = Encoding.ASCII.GetBytes(frame.ToString());
            _sources[i] = trade ? trades[s] : quotes[s];
            _slots[i] = new PipelineSlot(handOff);
        }

        var portfolio = new Portfolio(s_symbols.Length, Units(1_000_000));
        var risk = new RiskOptions(Quantity.FromUnits(10_000), 10, false)
        {
            MaxPositionNotional = Units(500_000),
            MaxOrderNotional = Units(100_000),
            MaxGrossExposure = Units(900_000),
            OrderRate = 1_000,
            OrderBurst = 10,
            MidBandPercent = 5 * FixedPoint.Scale,
            StaleAfter = TimeSpan.FromMinutes(5),
            CrossedQuoteGuard = true,
        };
        var parse = new ParseStage(registry);
        parse.Prepare();
        Directory.CreateDirectory(_out);
        _persist = new PersistStage(new PersistOptions(_out), symbols, registry);
        _stages =
        [
            parse,
            new RiskStage(risk, new KillSwitch(), portfolio, s_symbols.Length),
            new DecideStage(new SmaCrossStrategy(new SmaCrossOptions(5, 20, Quantity.FromUnits(100)), s_symbols.Length), portfolio),
            new ExecuteStage(portfolio, new ExecutionOptions(new BasisPoints(FixedPoint.Scale))),
            _persist,
        ];
        RunLap(_stages.Length);
        foreach (var slot in _slots)
        {
            if (slot.ParseLevel != ParseLevel.Strict)
            {
                throw new InvalidOperationException($"a benchmark frame did not parse strictly ({slot.ParseError}): '{Encoding.ASCII.GetString(slot.Frame)}'");
            }
        }
    }

    /// <summary>Runs the first <see cref="Stages"/> stages over every slot, <c>Laps</c> times.</summary>
    [Benchmark(OperationsPerInvoke = Slots * Laps)]
    public long RunStages()
    {
        for (var lap = 0; lap < Laps; lap++)
        {
            RunLap(Stages);
        }

        return _sequence;
    }

    private void RunLap(int stages)
    {
        var slots = _slots;
        var handlers = _stages;
        for (var i = 0; i < slots.Length; i++)
        {
            // As ingest does: the frame into the slot, here with the next millisecond in its 8-digit time field, so
            // event time moves forward lap after lap as in a real stream (order-rate buckets, windows, guards).
            var frame = _frames[i];
            var ms = _milliseconds++;
            for (var d = 7; d >= 0; d--)
            {
                frame[d] = (byte)('0' + (ms % 10));
                ms /= 10;
            }

            var slot = slots[i];
            slot.Kind = SlotKind.Frame;
            slot.Source = _sources[i];
            slot.SetFrame(frame);
            var endOfBatch = (i & 63) == 63;
            for (var k = 0; k < stages; k++)
            {
                handlers[k].OnEvent(slot, _sequence, endOfBatch);
            }

            _sequence++;
        }
    }

    private static Money Units(long units) => new((Int128)units * FixedPoint.Scale);

    /// <summary>Closes the output files and removes the folder.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _persist?.Dispose();
        _persist = null;
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
