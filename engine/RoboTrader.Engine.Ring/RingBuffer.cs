using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// A ring of preallocated slots of <typeparamref name="T"/> (a class or a struct) with its sequencer. Producers claim
/// a sequence, write the slot in place through <see cref="this[long]"/> and publish; consumers read the slot by
/// <c>ref</c>. Nothing is allocated after construction.
/// </summary>
/// <remarks>
/// The slot array has a cache line of padding at each end so the first and last slots do not share a line with
/// other objects. A slot may be written only between its claim and its publish, by the claiming producer.
/// </remarks>
public sealed class RingBuffer<T>
{
    private const int Padding = 16; // slots of padding at each end (≥ 64 bytes for any T of ≥ 4 bytes)

    private readonly T[] _entries;
    private readonly long _mask;
    private readonly Sequencer _sequencer;
    private readonly SingleProducerSequencer? _single; // the common case, called directly (inlined) rather than virtually

    /// <summary>Creates a ring filled by <paramref name="factory"/> (called once per slot) over <paramref name="sequencer"/>.</summary>
    public RingBuffer(Func<T> factory, Sequencer sequencer)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(sequencer);
        _sequencer = sequencer;
        _single = sequencer as SingleProducerSequencer;
        _mask = sequencer.BufferSize - 1;
        _entries = new T[sequencer.BufferSize + (2 * Padding)];
        for (var i = 0; i < sequencer.BufferSize; i++)
        {
            _entries[Padding + i] = factory();
        }
    }

    /// <summary>A ring for one producer thread.</summary>
    public static RingBuffer<T> CreateSingleProducer(Func<T> factory, int bufferSize)
        => new(factory, new SingleProducerSequencer(bufferSize));

    /// <summary>A ring for any number of producer threads.</summary>
    public static RingBuffer<T> CreateMultiProducer(Func<T> factory, int bufferSize)
        => new(factory, new MultiProducerSequencer(bufferSize));

    /// <summary>Number of slots.</summary>
    public int BufferSize => _sequencer.BufferSize;

    /// <summary>The sequencer.</summary>
    public Sequencer Sequencer => _sequencer;

    /// <summary>The highest claimed (single producer: published) sequence.</summary>
    public long Cursor => _sequencer.Cursor.Value;

    /// <summary>The slot of <paramref name="sequence"/>, by reference.</summary>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), Padding + (int)(sequence & _mask));
    }

    /// <summary>Claims the next sequence (waits while full).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _single is { } single ? single.Next(1) : _sequencer.Next(1);

    /// <summary>Claims <paramref name="n"/> sequences and returns the highest (waits while full).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n) => _single is { } single ? single.Next(n) : _sequencer.Next(n);

    /// <summary>Claims <paramref name="n"/> sequences if there is room now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(int n, out long sequence) => _single is { } single ? single.TryNext(n, out sequence) : _sequencer.TryNext(n, out sequence);

    /// <summary>Publishes one claimed sequence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (_single is { } single)
        {
            single.Publish(sequence);
        }
        else
        {
            _sequencer.Publish(sequence);
        }
    }

    /// <summary>Publishes a claimed range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long low, long high)
    {
        if (_single is { } single)
        {
            single.Publish(low, high);
        }
        else
        {
            _sequencer.Publish(low, high);
        }
    }

    /// <summary>Adds sequences producers must not overtake.</summary>
    public void AddGatingSequences(params Sequence[] sequences) => _sequencer.AddGatingSequences(sequences);

    /// <summary>Creates a barrier waiting on the producers and on <paramref name="dependents"/>.</summary>
    public SequenceBarrier NewBarrier(IWaitStrategy waitStrategy, params Sequence[] dependents)
        => _sequencer.NewBarrier(waitStrategy, dependents);
}
