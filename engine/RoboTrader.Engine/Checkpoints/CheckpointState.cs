using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// Helpers for <see cref="ICheckpointable"/>: scalars as MessagePack integers and strings; arrays and fixed-layout
/// structs (prices, positions, orders) as MessagePack binaries of their bytes.
/// </summary>
/// <remarks>
/// WARNING: a struct is written as its memory layout: a checkpoint is read back by the same build that wrote it
/// (resume of an interrupted run), not across versions.
/// </remarks>
public static class CheckpointState
{
    /// <summary>Writes <paramref name="values"/> as one binary.</summary>
    public static void WriteSpan<T>(ref MessagePackWriter writer, scoped ReadOnlySpan<T> values)
        where T : unmanaged
        => writer.WriteBinary(MemoryMarshal.AsBytes(values));

    /// <summary>Reads a binary written by <see cref="WriteSpan{T}"/> into <paramref name="into"/> (same length).</summary>
    public static void ReadSpan<T>(ref MessagePackReader reader, scoped Span<T> into)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(into);
        if (!reader.TryReadBinary(out var data) || data.Length != bytes.Length)
        {
            ThrowMalformed("an array of the wrong length");
        }

        data.CopyTo(bytes);
    }

    /// <summary>Reads a binary written by <see cref="WriteSpan{T}"/> as a new array.</summary>
    public static T[] ReadArray<T>(ref MessagePackReader reader)
        where T : unmanaged
    {
        if (!reader.TryReadBinary(out var data) || data.Length % System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != 0)
        {
            ThrowMalformed("an array");
        }

        return MemoryMarshal.Cast<byte, T>(data).ToArray();
    }

    /// <summary>Writes one fixed-layout value.</summary>
    public static void WriteValue<T>(ref MessagePackWriter writer, scoped in T value)
        where T : unmanaged
        => WriteSpan(ref writer, new ReadOnlySpan<T>(in value));

    /// <summary>Reads one value written by <see cref="WriteValue{T}"/>.</summary>
    public static T ReadValue<T>(ref MessagePackReader reader)
        where T : unmanaged
    {
        T value = default;
        ReadSpan(ref reader, new Span<T>(ref value));
        return value;
    }

    /// <summary>Reads an integer.</summary>
    public static long ReadInt64(ref MessagePackReader reader)
    {
        if (!reader.TryReadInt64(out var value))
        {
            ThrowMalformed("an integer");
        }

        return value;
    }

    /// <summary>Writes a string or nil.</summary>
    public static void WriteNullableString(ref MessagePackWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.WriteString(value);
        }
    }

    /// <summary>Reads a string or nil.</summary>
    public static string? ReadNullableString(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        if (!reader.TryReadString(out var value))
        {
            ThrowMalformed("a string");
        }

        return value;
    }

    /// <summary>Serializes <paramref name="part"/>'s state.</summary>
    public static byte[] Save(ICheckpointable part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        part.WriteState(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Restores <paramref name="part"/>'s state from <paramref name="state"/> (all of it must be read).</summary>
    public static void Load(ICheckpointable part, ReadOnlySpan<byte> state)
    {
        ArgumentNullException.ThrowIfNull(part);
        var reader = new MessagePackReader(state);
        part.ReadState(ref reader);
        if (!reader.End)
        {
            ThrowMalformed("the end of the state");
        }
    }

    [DoesNotReturn]
    private static void ThrowMalformed(string expected)
        => throw new EngineException(ErrorCode.PersistenceCorrupt, $"checkpoint state is malformed: expected {expected}");
}
