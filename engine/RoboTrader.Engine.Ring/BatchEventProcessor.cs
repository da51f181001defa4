using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// The consumer loop: waits on its barrier for the highest available sequence, hands every event up to it to the
/// handler in order (flagging the end of the batch), then publishes its own sequence once for the whole batch.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
/// <typeparam name="THandler">The handler; a struct or sealed class so the call devirtualizes.</typeparam>
public sealed class BatchEventProcessor<T, THandler> : IEventProcessor
    where THandler : IEventHandler<T>
{
    private readonly RingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private readonly IExceptionHandler<T>? _exceptionHandler;
    private readonly long _maxBatchSize;
    private readonly int _prefetchDistance; // 0: off
    private readonly int _prefetchBytes;
    private readonly bool _prefetchNonTemporal;
    private THandler _handler; // not readonly: a struct handler keeps its state here
    private int _running;
    private int _haltRequested;
    private volatile Exception? _fault;

    /// <summary>Creates the processor.</summary>
    /// <param name="ring">The ring to read.</param>
    /// <param name="barrier">The barrier to wait on (made by <see cref="RingBuffer{T}.NewBarrier"/>).</param>
    /// <param name="handler">The handler.</param>
    /// <param name="exceptionHandler">What to do when the handler throws; null halts the processor with <see cref="Fault"/> set.</param>
    /// <param name="maxBatchSize">Most events handed over before the sequence is published.</param>
    /// <param name="prefetch">Whether and how a slot a few events ahead is prefetched (off by default).</param>
    public BatchEventProcessor(
        RingBuffer<T> ring,
        SequenceBarrier barrier,
        THandler handler,
        IExceptionHandler<T>? exceptionHandler = null,
        int maxBatchSize = int.MaxValue,
        SlotPrefetch prefetch = default)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(barrier);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _ring = ring;
        _barrier = barrier;
        _handler = handler;
        _exceptionHandler = exceptionHandler;
        _maxBatchSize = maxBatchSize;
        if (prefetch.Enabled && Sse.IsSupported)
        {
            _prefetchDistance = prefetch.Distance;
            _prefetchBytes = prefetch.Bytes;
            _prefetchNonTemporal = prefetch.NonTemporal;
        }
    }

    /// <inheritdoc />
    public Sequence Sequence { get; } = new();

    /// <summary>The handler (for inspection after the run).</summary>
    public ref THandler Handler => ref _handler;

    /// <inheritdoc />
    public bool IsRunning => Volatile.Read(ref _running) == 1;

    /// <inheritdoc />
    public Exception? Fault => _fault;

    /// <inheritdoc />
    /// <remarks>A halt requested before <see cref="Run"/> starts is kept: that run returns at once (after handling what is already available).</remarks>
    public void Halt()
    {
        Volatile.Write(ref _haltRequested, 1);
        _barrier.Alert();
    }

    /// <inheritdoc />
    public void Run()
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            ThrowHelper.ThrowAlreadyRunning();
        }

        // Clear a previous run's alert, then re-raise it if Halt came before this run started: a halt must never be
        // lost to the race between starting the thread and stopping it. (Halt writes its flag before it alerts.)
        _barrier.ClearAlert();
        if (Interlocked.Exchange(ref _haltRequested, 0) != 0)
        {
            _barrier.Alert();
        }

        try
        {
            _handler.OnStart();
            ProcessEvents();
        }
        finally
        {
            try
            {
                _handler.OnShutdown();
            }
            finally
            {
                Volatile.Write(ref _haltRequested, 0); // this run honoured the halt; a restart starts clean
                Volatile.Write(ref _running, 0);
            }
        }
    }

    // One call runs the whole consumer loop: call-count tiering never promotes it, so compile it optimized at once
    // (otherwise every run starts in tier-0 code until on-stack replacement kicks in).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessEvents()
    {
        var next = Sequence.Value + 1;
        var prefetchDistance = _prefetchDistance;
        while (true)
        {
            var available = _barrier.WaitFor(next);
            if (available < next)
            {
                if (_barrier.IsAlerted)
                {
                    return;
                }

                continue;
            }

            if (available - next >= _maxBatchSize)
            {
                available = next + _maxBatchSize - 1;
            }

            try
            {
                while (next <= available)
                {
                    if (prefetchDistance != 0 && next + prefetchDistance <= available)
                    {
                        Prefetch(next + prefetchDistance); // published already: the producer is done with its lines
                    }

                    _handler.OnEvent(ref _ring[next], next, next == available);
                    next++;
                }
            }
            catch (Exception ex)
            {
                if (!HandleException(ex, next))
                {
                    Sequence.SetValue(next - 1);
                    return;
                }

                next++; // the failed event counts as processed
                Sequence.SetValue(next - 1);
                continue;
            }

            Sequence.SetValue(available);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(long sequence)
    {
        // WARNING: the slot's address is read without pinning it. A GC may move the slot before the prefetch; the lines
        // fetched are then the wrong ones, which is harmless: a prefetch is a hint and never faults.
        var start = typeof(T).IsValueType ? (nint)Unsafe.AsPointer(ref _ring[sequence]) : Unsafe.As<T, nint>(ref _ring[sequence]);
        var end = start + _prefetchBytes;
        for (var line = start & ~(nint)63; line < end; line += 64)
        {
            if (_prefetchNonTemporal)
            {
                Sse.PrefetchNonTemporal((void*)line);
            }
            else
            {
                Sse.Prefetch0((void*)line);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HandleException(Exception ex, long sequence)
    {
        if (_exceptionHandler is not null && _exceptionHandler.OnEventException(ex, sequence, ref _ring[sequence]))
        {
            return true;
        }

        _fault = ex;
        return false;
    }
}
