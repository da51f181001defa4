using System.Buffers.Binary;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// A stage's serialized state kept in its FASTER store: key 0 holds {length, chunk count}, keys 1..n the bytes in
/// chunks of at most <see cref="StateStore.MaxValueLength"/> (a FASTER record must fit in one page).
/// </summary>
/// <remarks>Keys beyond the current chunk count may hold an older, longer state's chunks; the header says how many count.</remarks>
internal static class StageStateBlob
{
    private const long HeaderKey = 0;
    private const int HeaderLength = 2 * sizeof(long);

    /// <summary>Writes <paramref name="state"/> into <paramref name="store"/>.</summary>
    public static void Write(StateStore store, ReadOnlySpan<byte> state)
    {
        var chunk = store.MaxValueLength;
        var chunks = (state.Length + chunk - 1) / chunk;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * chunk;
            store.Upsert(i + 1, state.Slice(start, Math.Min(chunk, state.Length - start)));
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt64LittleEndian(header, state.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[sizeof(long)..], chunks);
        store.Upsert(HeaderKey, header);
    }

    /// <summary>Reads the state back; <paramref name="where"/> names the store in errors.</summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when the header or a chunk is missing or inconsistent.</exception>
    public static byte[] Read(StateStore store, string where)
    {
        if (!store.TryRead(HeaderKey, out var header) || header.Length != HeaderLength)
        {
            throw Corrupt(where, "its state header is missing");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(header);
        var chunks = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(sizeof(long)));
        var chunk = store.MaxValueLength;
        if (length < 0 || length > Array.MaxLength || chunks != (length + chunk - 1) / chunk)
        {
            throw Corrupt(where, $"its state header is inconsistent (length {length}, chunks {chunks})");
        }

        var state = new byte[length];
        for (var i = 0; i < chunks; i++)
        {
            var start = i * chunk;
            var expected = (int)Math.Min(chunk, length - start);
            if (!store.TryRead(i + 1, out var part) || part.Length != expected)
            {
                throw Corrupt(where, $"chunk {i + 1} of {chunks} is missing or has the wrong length");
            }

            part.CopyTo(state, start);
        }

        return state;
    }

    private static EngineException Corrupt(string where, string why)
        => new(ErrorCode.PersistenceCorrupt, $"checkpoint state in '{where}' is unreadable: {why}");
}
