using System.Text;
using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.PerfTests;
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
/// 8,192 slots (the default ring) of the perf gate's pipeline-replay frames (<see cref="ReplayFrames"/>: LEAN format,
/// four symbols, 23 % trades and 77 % quotes as in the real data) and its risk limits, plus a gross-exposure limit;
/// sma-cross 5/20 so orders, fills and rows flow (persist writes to a temporary folder). Every stage must allocate 0 B.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(RingBenchmarkConfig))]
public class StageBenchmarks : IDisposable
{
    private const int Slots = 8192;
    private const int Laps = 8;

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
        // The frames and limits of the perf gate's pipeline-replay scenario (ReplayFrames, ReplayThroughput.Risk), plus a
        // gross-exposure limit so that risk reads the portfolio's figures on every event as a portfolio limit makes it.
        var frames = ReplayFrames.Generate(Slots, seed: 20131007);
        var symbols = new SymbolTable(ReplayFrames.Tickers);
        var registry = new SourceRegistry();
        var streams = new SourceId[ReplayFrames.StreamCount];
        var date = new DateOnly(2013, 10, 7);
        for (var s = 0; s < streams.Length; s++)
        {
            streams[s] = registry.Register(new SourceDescriptor(new SymbolId(ReplayFrames.SymbolOf(s)), ReplayFrames.FormatOf(s), date, "America/New_York", 4, "stage-bench/" + s));
        }

        var handOff = new FusedHandOff();
        _slots = new PipelineSlot[Slots];
        _frames = new byte[Slots][];
        _sources = new SourceId[Slots];
        for (var i = 0; i < Slots; i++)
        {
            _frames[i] = frames.Frame(i).ToArray(); // its 8-digit time field is rewritten per event by RunLap
            _sources[i] = streams[frames.StreamOf(i)];
            _slots[i] = new PipelineSlot(handOff);
        }

        var portfolio = new Portfolio(symbols.Count, Units(1_000_000));
        var risk = ReplayThroughput.Risk with { MaxGrossExposure = Units(900_000) };
        var parse = new ParseStage(registry);
        parse.Prepare();
        Directory.CreateDirectory(_out);
        _persist = new PersistStage(new PersistOptions(_out), symbols, registry);
        _stages =
        [
            parse,
            new RiskStage(risk, new KillSwitch(), portfolio, symbols.Count),
            new DecideStage(new SmaCrossStrategy(new SmaCrossOptions(5, 20, Quantity.FromUnits(100)), symbols.Count), portfolio),
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
