using RoboTrader.Engine.Checkpoints;
using System.Diagnostics;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// The last stage: appends the event's fills to <c>fills.csv</c> and <c>trades.csv</c>, its order transitions to
/// <c>orders.csv</c>, its equity sample to <c>equity.csv</c> (and all of them to the ledger, when there is one), and its risk breaches to <c>breaches.csv</c>, and dead-letters every frame that failed to parse or
/// faulted in a stage, with its bytes. Flushes at the end of a batch at most every 50 ms and at the end of the
/// data, so what has been processed reaches the file promptly without a system call per batch.
/// </summary>
public sealed class PersistStage : IStage, IDisposable, IDeferredDurability
{
    private readonly SourceRegistry _sources;
    private readonly FillsCsvWriter _fills;
    private readonly TradesCsvWriter _trades;
    private readonly OrdersCsvWriter _orders;
    private readonly EquityCsvWriter _equity;
    private readonly DeadLetterWriter _deadLetters;
    private readonly BreachesCsvWriter _breaches;
    private readonly LedgerWriter? _ledger;
    private readonly Durability.FileSyncer? _syncer;
    private static readonly long s_flushIntervalTicks = Stopwatch.Frequency / 20; // 50 ms

    private bool _dirty;
    private long _lastFlush;

    /// <summary>Creates the stage; opens (truncating) the output files.</summary>
    /// <param name="options">Where to write.</param>
    /// <param name="symbols">The symbols.</param>
    /// <param name="sources">The registered sources (for dead letters).</param>
    /// <param name="ledger">When given, orders and fills are also appended to the ledger.</param>
    public PersistStage(PersistOptions options, SymbolTable symbols, SourceRegistry sources, LedgerWriter? ledger = null)
    {
        _ledger = ledger;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        try
        {
            Directory.CreateDirectory(options.OutputDirectory);
            _fills = new FillsCsvWriter(Open(Path.Combine(options.OutputDirectory, "fills.csv"), options.Resume), symbols);
            _deadLetters = new DeadLetterWriter(Open(Path.Combine(options.OutputDirectory, "deadletters.jsonl"), options.Resume));
            _breaches = new BreachesCsvWriter(Open(Path.Combine(options.OutputDirectory, "breaches.csv"), options.Resume), symbols);
            _trades = new TradesCsvWriter(Open(Path.Combine(options.OutputDirectory, "trades.csv"), options.Resume), symbols);
            _orders = new OrdersCsvWriter(Open(Path.Combine(options.OutputDirectory, "orders.csv"), options.Resume), symbols);
            _equity = new EquityCsvWriter(Open(Path.Combine(options.OutputDirectory, "equity.csv"), options.Resume));
            if (options.OutputSyncInterval > TimeSpan.Zero)
            {
                _syncer = new Durability.FileSyncer(options.OutputSyncInterval, options.FileSync);
                foreach (var file in new[] { _fills.File, _breaches.File, _trades.File, _orders.File, _equity.File })
                {
                    file.SyncWith(_syncer);
                }

                _deadLetters.SyncWith(_syncer);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _syncer?.Dispose();
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"cannot write to output folder '{options.OutputDirectory}': {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Persist;

    /// <summary>Fill rows written.</summary>
    public long FillRows => _fills.Rows;

    /// <summary>Dead letters written.</summary>
    public long DeadLettered => _deadLetters.Count;

    /// <summary>Breach rows written to breaches.csv.</summary>
    public long BreachRows => _breaches.Rows;

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        if (slot.Kind == SlotKind.Frame)
        {
            if (slot.Fault != ErrorCode.None)
            {
                var source = _sources.Contains(slot.Source) ? _sources[slot.Source] : null;
                _deadLetters.Write(sequence, source, slot.Fault, slot.FaultDetail, slot.Frame);
                _dirty = true;
            }
            else if (slot.ParseError != ErrorCode.None)
            {
                var source = _sources.Contains(slot.Source) ? _sources[slot.Source] : null;
                _deadLetters.Write(sequence, source, null, new LevelErrors(slot.ParseError, slot.LenientError, slot.BasicError), slot.Frame);
                _dirty = true;
            }

            if ((slot.FillCount | slot.OrderEventCount) != 0 || slot.HasEquitySample)
            {
                WriteExecution(slot);
            }

            if (slot.Breaches.Count != 0)
            {
                WriteBreaches(slot, sequence);
            }
        }
        else if (slot.Kind == SlotKind.EndOfData)
        {
            WriteExecution(slot); // the orders cancelled at the end and the final equity sample
        }

        // Flush what was written at the end of a batch, but at most every FlushInterval: a system call per batch
        // cost a sixth of the consumer's time on a backtest. The end of the data always flushes.
        if (endOfBatch)
        {
            _ledger?.CommitIfDue();
        }

        if (_dirty && (slot.Kind == SlotKind.EndOfData || (endOfBatch && Stopwatch.GetTimestamp() - _lastFlush >= s_flushIntervalTicks)))
        {
            _dirty = false;
            _lastFlush = Stopwatch.GetTimestamp();
            FlushAll();
        }
    }

    private void FlushAll()
    {
        _fills.Flush();
        _deadLetters.Flush();
        _trades.File.Flush();
        _orders.File.Flush();
        _equity.File.Flush();
        _breaches.Flush();
    }

    /// <summary>Rare path: the event's risk breaches to breaches.csv and the ledger.</summary>
    private void WriteBreaches(PipelineSlot slot, long sequence)
    {
        for (var i = 0; i < slot.Breaches.Count; i++)
        {
            var breach = slot.Breaches[i];
            _breaches.Write(sequence, slot.Market.TimeNanos, in breach);
            _ledger?.Breach(sequence, in breach);
        }

        _dirty = true;
    }

    /// <summary>The event's fills and order transitions, interleaved in the order they happened, then its equity sample.</summary>
    private void WriteExecution(PipelineSlot slot)
    {
        var fills = slot.Fills;
        var written = 0;
        foreach (ref readonly var e in slot.OrderEvents)
        {
            for (; written < e.FillsBefore; written++)
            {
                WriteFill(in fills[written]);
            }

            _orders.Write(in e);
            _ledger?.OrderEvent(in e);
            _dirty = true;
        }

        for (; written < fills.Length; written++)
        {
            WriteFill(in fills[written]);
        }

        if (slot.HasEquitySample)
        {
            _equity.Write(in slot.Equity);
            _dirty = true;
        }
    }

    private void WriteFill(in Core.Trading.Fill fill)
    {
        _fills.Write(in fill);
        _trades.Write(in fill);
        _ledger?.Fill(in fill);
        _dirty = true;
    }

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown() => FlushAll();

    /// <inheritdoc />
    public void Dispose()
    {
        _syncer?.Dispose(); // before the files: it syncs their handles
        _fills.Dispose();
        _deadLetters.Dispose();
        _breaches.Dispose();
        _trades.Dispose();
        _orders.Dispose();
        _equity.Dispose();
    }

    /// <inheritdoc />
    /// <remarks>Flushes the files to the disk (fsync) and commits the ledger durably first: the lengths recorded are durable.</remarks>
    public void WriteState(ref MessagePackWriter writer) => WriteState(ref writer, null);

    /// <inheritdoc />
    /// <remarks>
    /// With a background syncer (<see cref="PersistOptions.OutputSyncInterval"/>) the files are only flushed to the
    /// operating system here and their lengths, with the ledger's commit, go to <paramref name="pending"/>; the
    /// syncer has usually made all but the last few milliseconds of them durable already.
    /// </remarks>
    public void WriteState(ref MessagePackWriter writer, Durability.PendingDurability? pending)
    {
        _dirty = false;
        writer.WriteInt64(_fills.File.FlushForCheckpoint(pending));
        writer.WriteInt64(_fills.Rows);
        writer.WriteInt64(_deadLetters.FlushForCheckpoint(pending));
        writer.WriteInt64(_deadLetters.Count);
        writer.WriteBoolean(_ledger is not null);
        _ledger?.WriteState(ref writer, pending);
        writer.WriteInt64(_breaches.File.FlushForCheckpoint(pending));
        writer.WriteInt64(_breaches.Rows);
        foreach (var file in new[] { _trades.File, _orders.File, _equity.File })
        {
            writer.WriteInt64(file.FlushForCheckpoint(pending));
            writer.WriteInt64(file.Rows);
        }
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        var fillsLength = CheckpointState.ReadInt64(ref reader);
        _fills.Resume(fillsLength, CheckpointState.ReadInt64(ref reader));
        var deadLettersLength = CheckpointState.ReadInt64(ref reader);
        _deadLetters.Resume(deadLettersLength, CheckpointState.ReadInt64(ref reader));
        if (!reader.TryReadBoolean(out var hasLedger) || hasLedger != _ledger is not null)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, "checkpoint state of persist does not match: a ledger in one run and not the other");
        }

        _ledger?.ReadState(ref reader);
        var breachesLength = CheckpointState.ReadInt64(ref reader);
        _breaches.Resume(breachesLength, CheckpointState.ReadInt64(ref reader));
        foreach (var file in new[] { _trades.File, _orders.File, _equity.File })
        {
            var length = CheckpointState.ReadInt64(ref reader);
            file.Resume(length, CheckpointState.ReadInt64(ref reader));
        }
    }

    private static FileStream Open(string path, bool resume)
        => new(path, resume ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
}
