using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Ring;

/// <summary>
/// A 64-bit sequence counter alone on its cache line(s): 56 bytes of padding on each side of the value, so that two
/// threads updating neighbouring counters never false-share (the layout is proved by a test).
/// </summary>
/// <remarks>
/// <see cref="Value"/> is an acquire read; <see cref="SetValue"/> is a release store (store/store barrier);
/// <see cref="SetVolatile"/> adds a full fence (store/load) for the rare places that need one.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = PaddedSize)]
public sealed class Sequence
{
    /// <summary>Initial value of every cursor and consumer sequence: nothing published or processed yet.</summary>
    public const long InitialValue = -1;

    /// <summary>Bytes in the explicit layout: value at <see cref="ValueOffset"/> with 56 bytes before and after.</summary>
    internal const int PaddedSize = 120;

    /// <summary>Offset of the value inside the object's fields.</summary>
    internal const int ValueOffset = 56;

    [FieldOffset(ValueOffset)]
    private long _value;

    // CoreCLR ignores StructLayout.Size on a class: without a field at the end the object stops right after _value
    // and the next object on the heap shares its cache line. This field holds the trailing 56 bytes in place.
#pragma warning disable CS0169 // never used: it only reserves space
    [FieldOffset(PaddedSize - sizeof(long))]
    private readonly long _trailingPadding;
#pragma warning restore CS0169

    /// <summary>Creates a sequence at <paramref name="initialValue"/>.</summary>
    public Sequence(long initialValue = InitialValue) => _value = initialValue;

    /// <summary>The current value (acquire read).</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _value);
    }

    /// <summary>Stores a value with release semantics (ordered after every earlier store of this thread).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>Stores a value followed by a full fence, so later loads are not reordered before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetVolatile(long value)
    {
        Volatile.Write(ref _value, value);
        Interlocked.MemoryBarrier();
    }

    /// <summary>Atomically sets the value to <paramref name="newValue"/> if it equals <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSet(long expected, long newValue)
        => Interlocked.CompareExchange(ref _value, newValue, expected) == expected;

    /// <summary>Atomically adds <paramref name="increment"/> and returns the new value.</summary>
    public long AddAndGet(long increment) => Interlocked.Add(ref _value, increment);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
