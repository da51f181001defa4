using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// Sequencer for exactly one producer thread: claims are plain arithmetic on fields only that thread touches, and
/// publishing is one release store of the cursor.
/// </summary>
/// <remarks>WARNING: calling <see cref="Next(int)"/> or <see cref="Publish(long)"/> from two threads corrupts the ring.</remarks>
public sealed class SingleProducerSequencer : Sequencer
{
    private ProducerFields _fields;

    /// <summary>Creates the sequencer.</summary>
    public SingleProducerSequencer(int bufferSize)
        : base(bufferSize)
    {
        _fields.NextValue = Sequence.InitialValue;
        _fields.CachedGatingValue = Sequence.InitialValue;
    }

    /// <summary>
    /// Makes the ring continue after <paramref name="sequence"/> (resume from a checkpoint): the next claim is
    /// <paramref name="sequence"/> + 1. Set the consumers' sequences to the same value.
    /// </summary>
    /// <remarks>WARNING: only before anything is claimed and before the consumers start.</remarks>
    public void StartAfter(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, Sequence.InitialValue);
        _fields.NextValue = sequence;
        _fields.CachedGatingValue = sequence;
        Cursor.SetValue(sequence);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next(int n)
    {
        if ((uint)(n - 1) >= (uint)BufferSize)
        {
            CheckClaim(n);
        }

        var nextValue = _fields.NextValue;
        var nextSequence = nextValue + n;
        var wrapPoint = nextSequence - BufferSize;
        var cached = _fields.CachedGatingValue;
        if (wrapPoint > cached || cached > nextValue)
        {
            WaitForCapacity(nextValue, wrapPoint);
        }

        _fields.NextValue = nextSequence;
        return nextSequence;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long nextValue, long wrapPoint)
    {
        // StoreLoad: make the published cursor visible before reading consumers' sequences.
        Cursor.SetVolatile(nextValue);
        var spin = default(SpinWait);
        long minimum;
        while (wrapPoint > (minimum = MinimumGatingSequence(nextValue)))
        {
            SignalBlockedConsumers();
            spin.SpinOnce(sleep1Threshold: -1);
        }

        _fields.CachedGatingValue = minimum;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool TryNext(int n, out long sequence)
    {
        if ((uint)(n - 1) >= (uint)BufferSize)
        {
            CheckClaim(n);
        }

        var nextValue = _fields.NextValue;
        var nextSequence = nextValue + n;
        var wrapPoint = nextSequence - BufferSize;
        var cached = _fields.CachedGatingValue;
        if (wrapPoint > cached || cached > nextValue)
        {
            Cursor.SetVolatile(nextValue);
            var minimum = MinimumGatingSequence(nextValue);
            _fields.CachedGatingValue = minimum;
            if (wrapPoint > minimum)
            {
                sequence = Sequence.InitialValue;
                return false;
            }
        }

        _fields.NextValue = nextSequence;
        sequence = nextSequence;
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        Cursor.SetValue(sequence);
        SignalBlockedConsumers();
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long low, long high) => Publish(high);

    /// <inheritdoc />
    public override bool IsAvailable(long sequence)
    {
        var cursor = Cursor.Value;
        return sequence <= cursor && sequence > cursor - BufferSize;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long GetHighestPublishedSequence(long low, long available) => available;

    /// <summary>Producer-only fields, padded away from the cursor and the object header.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct ProducerFields
    {
        [FieldOffset(56)]
        public long NextValue;

        [FieldOffset(64)]
        public long CachedGatingValue;
    }
}
