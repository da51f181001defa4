using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// Sequencer for any number of producer threads: claims by compare-and-swap on the cursor; each slot has an
/// availability flag (the ring lap of its last publish), so consumers see exactly the published prefix even when
/// producers publish out of claim order.
/// </summary>
public sealed class MultiProducerSequencer : Sequencer
{
    private readonly int[] _availableBuffer;
    private readonly int _indexMask;
    private readonly int _indexShift;
    private readonly Sequence _gatingSequenceCache = new();

    /// <summary>Creates the sequencer.</summary>
    public MultiProducerSequencer(int bufferSize)
        : base(bufferSize)
    {
        _availableBuffer = new int[bufferSize];
        _availableBuffer.AsSpan().Fill(-1);
        _indexMask = bufferSize - 1;
        _indexShift = RingMath.CheckBufferSize(bufferSize);
    }

    /// <inheritdoc />
    public override long Next(int n)
    {
        CheckClaim(n);
        var spin = default(SpinWait);
        while (true)
        {
            var current = Cursor.Value;
            var next = current + n;
            var wrapPoint = next - BufferSize;
            var cachedGating = _gatingSequenceCache.Value;
            if (wrapPoint > cachedGating || cachedGating > current)
            {
                var gating = MinimumGatingSequence(current);
                if (wrapPoint > gating)
                {
                    SignalBlockedConsumers();
                    spin.SpinOnce(sleep1Threshold: -1);
                    continue;
                }

                _gatingSequenceCache.SetValue(gating);
            }
            else if (Cursor.CompareAndSet(current, next))
            {
                return next;
            }
        }
    }

    /// <inheritdoc />
    public override bool TryNext(int n, out long sequence)
    {
        CheckClaim(n);
        while (true)
        {
            var current = Cursor.Value;
            var next = current + n;
            if (next - BufferSize > MinimumGatingSequence(current))
            {
                sequence = Sequence.InitialValue;
                return false;
            }

            if (Cursor.CompareAndSet(current, next))
            {
                sequence = next;
                return true;
            }
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        SetAvailable(sequence);
        SignalBlockedConsumers();
    }

    /// <inheritdoc />
    public override void Publish(long low, long high)
    {
        for (var s = low; s <= high; s++)
        {
            SetAvailable(s);
        }

        SignalBlockedConsumers();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetAvailable(long sequence)
        => Volatile.Write(
            ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_availableBuffer), (int)sequence & _indexMask),
            (int)(sequence >>> _indexShift));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool IsAvailable(long sequence)
        => Volatile.Read(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_availableBuffer), (int)sequence & _indexMask))
           == (int)(sequence >>> _indexShift);

    /// <inheritdoc />
    public override long GetHighestPublishedSequence(long low, long available)
    {
        for (var s = low; s <= available; s++)
        {
            if (!IsAvailable(s))
            {
                return s - 1;
            }
        }

        return available;
    }
}
