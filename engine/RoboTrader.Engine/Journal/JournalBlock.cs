using System.Buffers.Binary;
using System.IO.Compression;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// One journal log entry: a block of consecutive frame records (<see cref="JournalRecordCodec"/>). A plain block is the
/// records' MessagePack maps back to back — a MessagePack stream any library reads. A compressed block starts with
/// 0xC1 (a byte MessagePack never uses), then 'B', the plain length (uint32 little endian) and the plain block
/// compressed with Brotli; a delta block starts with 0xC1 'E' (or 'D', as earlier versions wrote them) and holds the
/// same records field-delta coded (<see cref="JournalDeltaEncoder"/>). Blocks describe themselves: one journal may hold
/// every kind.
/// </summary>
/// <remarks>
/// Blocks cut FasterLog's per-entry cost (a 12-byte header and a checksum per entry) and let the journal compress:
/// the journal's rate is what the disk takes, so bytes per frame set it.
/// </remarks>
public static class JournalBlock
{
    /// <summary>The first byte of a compressed block.</summary>
    public const byte CompressedMarker = 0xC1;

    /// <summary>Header length of a compressed block.</summary>
    public const int CompressedHeaderLength = 6;

    /// <summary>Brotli quality: 1 is the fastest level that still finds the repeats of market data rows.</summary>
    public const int BrotliQuality = 0;

    /// <summary>Brotli window (2^bits bytes).</summary>
    public const int BrotliWindowBits = 22;

    /// <summary>
    /// Compresses <paramref name="plain"/> into <paramref name="destination"/> as a compressed block; returns its length, or
    /// -1 when compression does not pay (the caller writes the plain block).
    /// </summary>
    public static int Compress(ReadOnlySpan<byte> plain, Span<byte> destination)
    {
        if (destination.Length <= CompressedHeaderLength)
        {
            return -1;
        }

        if (!BrotliEncoder.TryCompress(plain, destination[CompressedHeaderLength..], out var written, BrotliQuality, BrotliWindowBits)
            || written + CompressedHeaderLength >= plain.Length)
        {
            return -1;
        }

        destination[0] = CompressedMarker;
        destination[1] = (byte)'B';
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], (uint)plain.Length);
        return written + CompressedHeaderLength;
    }

    /// <summary>
    /// The plain records of <paramref name="entry"/>: the entry itself, or its decompressed form in
    /// <paramref name="scratch"/> (grown when too small).
    /// </summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when a compressed or delta block does not decode to its length.</exception>
    public static ReadOnlySpan<byte> Records(ReadOnlySpan<byte> entry, ref byte[] scratch, long address)
    {
        if (entry.IsEmpty || entry[0] != CompressedMarker)
        {
            return entry;
        }

        if (entry.Length >= 2 && JournalDeltaDecoder.IsDeltaKind(entry[1]))
        {
            return JournalDeltaDecoder.Decode(entry, ref scratch, address);
        }

        if (entry.Length < CompressedHeaderLength || entry[1] != (byte)'B')
        {
            throw Corrupt(address, "its compressed block header is damaged");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(entry[2..]);
        if (length > 1 << 30)
        {
            throw Corrupt(address, $"its compressed block claims {length} bytes");
        }

        if (scratch.Length < length)
        {
            scratch = new byte[Math.Max((int)length, scratch.Length * 2)]; // rare: a larger block than any before
        }

        if (!BrotliDecoder.TryDecompress(entry[CompressedHeaderLength..], scratch, out var written) || written != length)
        {
            throw Corrupt(address, "its compressed block does not decompress to its recorded length");
        }

        return scratch.AsSpan(0, written);
    }

    /// <summary>Calls <paramref name="visitor"/> for each record of a plain block.</summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when the block holds something that is not a journal record.</exception>
    public static void ForEachRecord<TVisitor>(ReadOnlySpan<byte> records, long address, ref TVisitor visitor)
        where TVisitor : IRecordVisitor
    {
        while (!records.IsEmpty)
        {
            if (!JournalRecordCodec.TryDecode(records, out var sequence, out var source, out var receiveNanos, out var frame, out var consumed))
            {
                throw Corrupt(address, "it holds something that is not a journal record");
            }

            visitor.OnRecord(sequence, source, receiveNanos, frame, records[..consumed]);
            records = records[consumed..];
        }
    }

    /// <summary>The error for an unreadable entry at <paramref name="address"/>.</summary>
    internal static EngineException Corrupt(long address, string why)
        => new(ErrorCode.PersistenceCorrupt, $"journal entry at address {address} is unreadable: {why}");

    /// <summary>Receives the records of a block.</summary>
    public interface IRecordVisitor
    {
        /// <summary>One record: its fields and its encoded bytes.</summary>
        void OnRecord(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> encoded);
    }
}
