using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// What the risk stage shares with the envelope check in decide: the order-rate buckets, the breach latches and the
/// breach counts. Owned by <see cref="RiskStage"/> and checkpointed with it.
/// </summary>
/// <remarks>
/// Used only on the thread that runs risk, decide and execute (they are always fused), so no synchronisation. A rule
/// that refuses or clamps an order on a symbol is recorded once, then latched until an order on that symbol passes
/// every check: a continuing refusal does not write a breach on every event.
/// </remarks>
public sealed class RiskGate
{
    private readonly uint[] _latched;
    private readonly long[] _counts = new long[RiskRules.Count];
    private readonly TokenBucket[] _symbolBuckets;
    private readonly TokenBucket[] _globalBucket = new TokenBucket[1];
    private readonly long _symbolRate;
    private readonly int _symbolBurst;
    private readonly long _globalRate;
    private readonly int _globalBurst;

    /// <summary>Creates the gate for <paramref name="symbolCount"/> symbols with the options' throttles.</summary>
    public RiskGate(RiskOptions options, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        _latched = new uint[symbolCount];
        _symbolBuckets = new TokenBucket[options.SymbolOrderRate != 0 ? symbolCount : 0];
        _symbolRate = options.SymbolOrderRate;
        _symbolBurst = options.SymbolOrderBurst;
        _globalRate = options.OrderRate;
        _globalBurst = options.OrderBurst;
    }

    /// <summary>Event time of the event being handled (set by risk on every market event).</summary>
    public long NowNanos { get; internal set; }

    /// <summary>Breaches recorded for <paramref name="rule"/>.</summary>
    public long Count(RiskRule rule) => _counts[(int)rule];

    /// <summary>
    /// The throttle that would refuse an order on <paramref name="symbol"/> now (<see cref="RiskRule.None"/> when both
    /// buckets hold a token); refills both to <see cref="NowNanos"/>.
    /// </summary>
    public RiskRule Throttle(SymbolId symbol, out long tokens, out long burst)
    {
        tokens = 0;
        burst = 0;
        if (_symbolRate != 0)
        {
            ref var bucket = ref _symbolBuckets[symbol.Value];
            bucket.Refill(NowNanos, _symbolRate, _symbolBurst);
            if (!bucket.HasToken)
            {
                tokens = bucket.TokensFixed;
                burst = _symbolBurst * FixedPoint.Scale;
                return RiskRule.SymbolOrderRate;
            }
        }

        if (_globalRate != 0)
        {
            ref var bucket = ref _globalBucket[0];
            bucket.Refill(NowNanos, _globalRate, _globalBurst);
            if (!bucket.HasToken)
            {
                tokens = bucket.TokensFixed;
                burst = _globalBurst * FixedPoint.Scale;
                return RiskRule.OrderRate;
            }
        }

        return RiskRule.None;
    }

    /// <summary>An order on <paramref name="symbol"/> goes out: takes its tokens, and when it passed unchanged
    /// (<paramref name="rearm"/>) re-arms the symbol's breach latches.</summary>
    public void Passed(SymbolId symbol, bool rearm)
    {
        if (_symbolRate != 0)
        {
            _symbolBuckets[symbol.Value].Take();
        }

        if (_globalRate != 0)
        {
            _globalBucket[0].Take();
        }

        if (rearm)
        {
            _latched[symbol.Value] = 0;
        }
    }

    /// <summary>Records an order-level breach on the event unless its rule is latched for the symbol.</summary>
    public void RecordOrder(ref RiskBreaches breaches, in RiskBreach breach)
    {
        var bit = 1u << (int)breach.Rule;
        ref var latched = ref _latched[breach.Symbol.Value];
        if ((latched & bit) != 0)
        {
            return;
        }

        latched |= bit;
        _counts[(int)breach.Rule]++;
        breaches.Add(in breach);
    }

    /// <summary>Records a portfolio breach (the stage decides when one starts).</summary>
    internal void RecordPortfolio(ref RiskBreaches breaches, in RiskBreach breach)
    {
        _counts[(int)breach.Rule]++;
        breaches.Add(in breach);
    }

    /// <summary>Writes the latches, counts and buckets.</summary>
    internal void WriteState(ref MessagePackWriter writer)
    {
        CheckpointState.WriteSpan<uint>(ref writer, _latched);
        CheckpointState.WriteSpan<long>(ref writer, _counts);
        CheckpointState.WriteSpan<TokenBucket>(ref writer, _symbolBuckets);
        CheckpointState.WriteSpan<TokenBucket>(ref writer, _globalBucket);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote.</summary>
    internal void ReadState(ref MessagePackReader reader)
    {
        CheckpointState.ReadSpan<uint>(ref reader, _latched);
        CheckpointState.ReadSpan<long>(ref reader, _counts);
        CheckpointState.ReadSpan<TokenBucket>(ref reader, _symbolBuckets);
        CheckpointState.ReadSpan<TokenBucket>(ref reader, _globalBucket);
    }
}
