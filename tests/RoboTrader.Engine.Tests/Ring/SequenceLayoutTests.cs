using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>
/// Proves that a <see cref="Sequence"/>'s value sits alone on its cache line: 56 bytes of padding before it and 56
/// after it inside the object, so neighbouring counters of different threads never share a 64-byte line.
/// </summary>
public sealed class SequenceLayoutTests
{
    private const int Padding = 56;
    private const int FieldBytes = Padding + sizeof(long) + Padding;

    [Fact]
    public void StructLayout_IsExplicitWithRoomForPaddingOnBothSides()
    {
        var layout = typeof(Sequence).StructLayoutAttribute;

        Assert.NotNull(layout);
        Assert.Equal(LayoutKind.Explicit, layout.Value);
        Assert.Equal(FieldBytes, layout.Size);
        var fields = typeof(Sequence).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        var value = Assert.Single(fields, f => f.Name == "_value");
        Assert.Equal(typeof(long), value.FieldType);
        Assert.Equal(Padding, value.GetCustomAttribute<FieldOffsetAttribute>()!.Value);
        Assert.All(fields, f => Assert.True(f == value || f.GetCustomAttribute<FieldOffsetAttribute>()!.Value >= Padding + sizeof(long)));
    }

    [Fact]
    public void Value_InObjectMemory_Has56BytesBeforeIt()
    {
        const long marker = 0x5EC0_E4CE_1234_5678;
        var sequence = new Sequence(marker);

        ref var data = ref Unsafe.As<RawObject>(sequence).FirstByte;
        for (var offset = 0; offset < FieldBytes; offset += sizeof(long))
        {
            var word = Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref data, offset));
            Assert.Equal(offset == Padding ? marker : 0L, word);
        }

        sequence.SetValue(42);
        Assert.Equal(42L, Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref data, Padding)));
        GC.KeepAlive(sequence);
    }

    [Fact]
    public void Instance_AllocatedSize_Leaves56BytesAfterValue()
    {
        const int count = 1000;
        var keep = new Sequence[count];
        keep[0] = new Sequence(); // JIT and first-use work done before measuring

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            keep[i] = new Sequence();
        }

        var perObject = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        GC.KeepAlive(keep);

        // An object is its header and method-table pointer, then its fields: 56 padding + 8 value + 56 padding.
        var fieldBytes = perObject - (2 * IntPtr.Size);
        Assert.True(fieldBytes >= FieldBytes, $"a Sequence has {fieldBytes} bytes of fields, expected at least {FieldBytes}");
        Assert.True(fieldBytes - Padding - sizeof(long) >= Padding, $"only {fieldBytes - Padding - sizeof(long)} bytes after the value");
    }

    /// <summary>Any class's first field starts where the object's field data starts: a window onto it.</summary>
    private sealed class RawObject
    {
#pragma warning disable CS0649 // never assigned: only its address is used
        public byte FirstByte;
#pragma warning restore CS0649
    }
}
