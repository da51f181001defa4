// Written for RoboTrader.Engine's side-by-side comparison (perf/disruptor-side-by-side/README.md); not part of
// Disruptor-net. run.sh compiles it into Disruptor-net's library in place of the InlineIL method bodies of
// src/Disruptor/Util/InternalUtil.cs (that file's other members are kept as they are and the class made partial).
// Each method computes the same address as the IL it replaces: the object reference plus the array data offset plus
// index × element size, without bounds or type checks.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Disruptor.Util;

internal static partial class InternalUtil
{
    /// <summary>The class element at <paramref name="index"/> of the array <paramref name="array"/> (unchecked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(object array, int index)
        where T : class
    {
        // The IL zero-extends the index (conv.u): the nuint overload of Unsafe.Add does the same.
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<T[]>(array)), (nuint)(uint)index);
    }

    /// <summary>A read-only span over <paramref name="length"/> class elements of <paramref name="array"/> from <paramref name="index"/> (unchecked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<T> ReadSpan<T>(object array, int index, int length)
        where T : class
    {
        // The IL does not extend the index before the multiplication (int arithmetic, then sign-extended by the
        // byref addition): the int overload of Unsafe.Add does the same.
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<T[]>(array)), index), length);
    }

    /// <summary>A reference to the struct element at <paramref name="index"/> of the array <paramref name="array"/> (unchecked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T ReadValue<T>(object array, int index)
        where T : struct
    {
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<T[]>(array)), (nuint)(uint)index);
    }

    /// <summary>A reference to the struct at <paramref name="pointer"/> + <paramref name="index"/> × <paramref name="size"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ref T ReadValue<T>(IntPtr pointer, int index, int size)
        where T : struct
    {
        // The IL multiplies as int, then zero-extends the product (conv.u).
        return ref Unsafe.AddByteOffset(ref Unsafe.AsRef<T>((void*)pointer), (nuint)(uint)(index * size));
    }

    /// <summary>The size of <typeparamref name="T"/> in bytes (the IL sizeof instruction).</summary>
    public static int SizeOf<T>()
        where T : struct
    {
        return Unsafe.SizeOf<T>();
    }

    /// <summary>The distance in bytes from an object reference to the first element of an object array.</summary>
    public static int ComputeArrayDataOffset()
    {
        var array = new object[1];
        return (int)GetElementOffset(array, ref array[0]);
    }

    private static IntPtr GetElementOffset(object origin, ref object target)
    {
        // The IL subtracts the object reference from the element's address. Without IL, reach the object's address
        // through its first field slot, which lies one pointer past the reference (after the method table pointer).
        ref var firstField = ref Unsafe.As<FirstFieldView>(origin).Field;
        return Unsafe.ByteOffset(ref firstField, ref Unsafe.As<object, byte>(ref target)) + IntPtr.Size;
    }

#pragma warning disable CS0649 // never assigned: only its address is taken
    private sealed class FirstFieldView
    {
        public byte Field;
    }
#pragma warning restore CS0649
}
