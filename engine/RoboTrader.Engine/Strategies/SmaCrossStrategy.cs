using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// Moving-average crossover, per symbol, on trade prints only (suspicious prints ignored). After each print, once
/// max(F, S) prints have been seen: the signal becomes +1 if sum_F × S &gt; sum_S × F, −1 if less, and is unchanged
/// if equal (it starts at 0); the comparison is exact integer arithmetic. Target position = signal × quantity; when
/// the target differs from position + working orders, a market order for the difference is emitted.
/// </summary>
public sealed class SmaCrossStrategy : IStrategy, ICheckpointable
{
    private readonly SmaCrossOptions _options;
    private readonly SymbolState[] _symbols;

    /// <summary>Creates the strategy for <paramref name="symbolCount"/> symbols.</summary>
    public SmaCrossStrategy(SmaCrossOptions options, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _symbols = new SymbolState[symbolCount];
        for (var i = 0; i < symbolCount; i++)
        {
            _symbols[i] = new SymbolState(options.Fast, options.Slow);
        }
    }

    /// <summary>The current signal of <paramref name="symbol"/> (−1, 0, +1).</summary>
    public int SignalOf(SymbolId symbol) => _symbols[symbol.Value].Signal;

    /// <inheritdoc />
    public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        if (!e.IsTradePrint || e.IsSuspicious || e.IsPartial)
        {
            return;
        }

        var state = _symbols[e.Symbol.Value];
        state.Add(e.Price.Raw);
        if (!state.Ready)
        {
            return;
        }

        var left = state.SumFast * _options.Slow;
        var right = state.SumSlow * _options.Fast;
        if (left > right)
        {
            state.Signal = 1;
        }
        else if (left < right)
        {
            state.Signal = -1;
        }

        var target = state.Signal * _options.Quantity.Raw;
        var current = portfolio.PositionOf(e.Symbol).Raw + portfolio.PendingBuyOf(e.Symbol).Raw - portfolio.PendingSellOf(e.Symbol).Raw;
        var difference = target - current;
        if (difference == 0)
        {
            return;
        }

        intent.Symbol = e.Symbol;
        intent.Side = difference > 0 ? Side.Buy : Side.Sell;
        intent.Type = OrderType.Market;
        intent.Quantity = new Quantity(Math.Abs(difference));
        intent.LimitPrice = default;
        intent.ReferencePrice = e.Price;
    }

    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(_symbols.Length);
        foreach (var s in _symbols)
        {
            s.WriteState(ref writer);
        }
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        if (!reader.TryReadArrayHeader(out var count) || count != _symbols.Length)
        {
            throw new Core.Errors.EngineException(Core.Errors.ErrorCode.PersistenceCorrupt, "checkpoint state is malformed: sma-cross has another number of symbols");
        }

        foreach (var s in _symbols)
        {
            s.ReadState(ref reader);
        }
    }

    /// <summary>Two rolling windows over one price history; sums kept in <see cref="Int128"/>.</summary>
    private sealed class SymbolState
    {
        private readonly long[] _history;
        private readonly int _fast;
        private readonly int _slow;
        private long _count;

        public SymbolState(int fast, int slow)
        {
            _fast = fast;
            _slow = slow;
            _history = new long[Math.Max(fast, slow)];
        }

        public Int128 SumFast;
        public Int128 SumSlow;
        public int Signal;

        public void WriteState(ref MessagePackWriter writer)
        {
            CheckpointState.WriteSpan<long>(ref writer, _history);
            writer.WriteInt64(_count);
            CheckpointState.WriteValue(ref writer, in SumFast);
            CheckpointState.WriteValue(ref writer, in SumSlow);
            writer.WriteInt64(Signal);
        }

        public void ReadState(ref MessagePackReader reader)
        {
            CheckpointState.ReadSpan<long>(ref reader, _history);
            _count = CheckpointState.ReadInt64(ref reader);
            SumFast = CheckpointState.ReadValue<Int128>(ref reader);
            SumSlow = CheckpointState.ReadValue<Int128>(ref reader);
            Signal = (int)CheckpointState.ReadInt64(ref reader);
        }

        public bool Ready => _count >= _history.Length;

        public void Add(long price)
        {
            var n = _history.Length;
            // Drop the prices leaving each window: the one F (resp. S) prints back.
            if (_count >= _fast)
            {
                SumFast -= _history[(int)((_count - _fast) % n)];
            }

            if (_count >= _slow)
            {
                SumSlow -= _history[(int)((_count - _slow) % n)];
            }

            _history[(int)(_count % n)] = price;
            SumFast += price;
            SumSlow += price;
            _count++;
        }
    }
}
