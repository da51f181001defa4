using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Appends orders, their transitions and fills to the ledger, a FasterLog of <see cref="LedgerRecordCodec"/> records, keeping each
/// symbol's running position for the fill records. Group commit as the journal's; the host closes it.
/// </summary>
/// <remarks>Called only from the persist stage's thread. No allocation per record.</remarks>
public sealed class LedgerWriter : ICheckpointable
{
    private readonly InputJournal _log;
    private readonly SymbolTable _symbols;
    private readonly long[] _positions;
    private readonly byte[] _record = new byte[LedgerRecordCodec.MaxLength];
    private long _count;
    private readonly long _recovered;

    /// <summary>Creates the writer over an open log.</summary>
    public LedgerWriter(InputJournal log, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(symbols);
        _log = log;
        _symbols = symbols;
        _positions = new long[symbols.Count];
        _recovered = log.RecoveredSequence;
    }

    /// <summary>Records written.</summary>
    public long Count => _count;

    /// <summary>Appends an order transition: for a new order (<see cref="OrderStatus.New"/>) its order record first.</summary>
    public void OrderEvent(in OrderEvent e)
    {
        if (e.Status == OrderStatus.New)
        {
            Append(LedgerRecordCodec.EncodeOrder(_count + 1, in e, _symbols.Ascii(e.Symbol), _record));
        }

        Append(LedgerRecordCodec.EncodeOrderEvent(_count + 1, in e, _symbols.Ascii(e.Symbol), _record));
    }

    /// <summary>Appends a fill record (and moves the symbol's running position).</summary>
    public void Fill(in Fill fill)
    {
        var position = _positions[fill.Symbol.Value] += fill.Side == Side.Buy ? fill.Quantity.Raw : -fill.Quantity.Raw;
        Append(LedgerRecordCodec.EncodeFill(_count + 1, in fill, _symbols.Ascii(fill.Symbol), new Quantity(position), _record));
    }

    /// <summary>Appends a risk breach record.</summary>
    public void Breach(long sequence, in Risk.RiskBreach breach)
        => Append(LedgerRecordCodec.EncodeBreach(_count + 1, sequence, in breach, (uint)breach.Symbol.Value < (uint)_symbols.Count ? _symbols.Ascii(breach.Symbol) : default, _record));

    /// <summary>Commits what is due (idle moments).</summary>
    public void CommitIfDue() => _log.CommitIfDue();

    private void Append(int length)
    {
        if (length < 0)
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, "a ledger record did not fit its buffer");
        }

        _count++;
        if (_count > _recovered)
        {
            _log.Append(_count, _record.AsSpan(0, length)); // a resume replays records the ledger already holds
        }
    }

    /// <inheritdoc />
    /// <remarks>Commits the ledger durably first: a checkpoint never names records the ledger could lose.</remarks>
    public void WriteState(ref MessagePackWriter writer) => WriteState(ref writer, null);

    /// <summary>
    /// Writes the state as <see cref="WriteState(ref MessagePackWriter)"/> does, but only issues the ledger's commit and
    /// adds it to <paramref name="pending"/> (the checkpoint waits for it off this thread); with no
    /// <paramref name="pending"/> it waits here.
    /// </summary>
    public void WriteState(ref MessagePackWriter writer, PendingDurability? pending)
    {
        if (_count > _log.CommittedSequence)
        {
            _log.Commit(Math.Max(_count, _log.LastAppendedSequence)); // returns at once; durable in the background

            if (pending is null)
            {
                _log.WaitForCommit(_count);
            }
            else
            {
                pending.Add(_log, _count);
            }
        }

        writer.WriteInt64(_count);
        CheckpointState.WriteSpan<long>(ref writer, _positions);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        _count = CheckpointState.ReadInt64(ref reader);
        CheckpointState.ReadSpan<long>(ref reader, _positions);
    }
}
