using System.Buffers.Binary;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Turns a delta block (<see cref="JournalDeltaEncoder"/>, whose remarks give the format; kind 'E', or the older 'D'
/// whose frames always replaced the other bank) back into the exact plain block: each record is written by
/// <see cref="JournalRecordCodec.Encode"/>, so it is byte for byte what a plain journal holds.
/// </summary>
/// <remarks>
/// Every read is bounds-checked and every value range-checked: a damaged or truncated block throws
/// <see cref="ErrorCode.PersistenceCorrupt"/>, never another exception. One instance per thread
/// (<see cref="Decode"/> uses the calling thread's); it allocates only when a block holds more sources, or is longer,
/// than any before.
/// </remarks>
public sealed class JournalDeltaDecoder
{
    private const int MaxFields = JournalDeltaEncoder.MaxFields;
    private const int MaxFrameLength = JournalDeltaEncoder.MaxFrameLength;
    private const long NumericLimit = 1_000_000_000_000_000_000; // canonical integers have at most 18 digits

    [ThreadStatic]
    private static JournalDeltaDecoder? t_decoder;

    private readonly byte[] _frame = new byte[MaxFrameLength];
    private int[] _slotSources = new int[8];
    private byte[] _frames = new byte[2 * 8 * MaxFrameLength]; // a slot's two banks, as the encoder keeps them
    private int[] _starts = new int[2 * 8 * (MaxFields + 1)];
    private int[] _fieldCounts = new int[2 * 8];
    private byte[] _latest = new byte[8];
    private long[] _bases = new long[8 * MaxFields];

    /// <summary>
    /// The plain block of the delta block <paramref name="entry"/>, written into <paramref name="scratch"/> (grown when
    /// too small).
    /// </summary>
    /// <param name="entry">The block, marker included.</param>
    /// <param name="scratch">Where the plain block goes.</param>
    /// <param name="address">The entry's journal address, for the error message.</param>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> when the block is damaged or truncated.</exception>
    public static ReadOnlySpan<byte> Decode(ReadOnlySpan<byte> entry, ref byte[] scratch, long address)
        => (t_decoder ??= new JournalDeltaDecoder()).DecodeBlock(entry, ref scratch, address);

    private ReadOnlySpan<byte> DecodeBlock(ReadOnlySpan<byte> entry, ref byte[] scratch, long address)
    {
        if (entry.Length < JournalDeltaEncoder.HeaderLength || entry[0] != JournalBlock.CompressedMarker || !IsDeltaKind(entry[1]))
        {
            throw JournalBlock.Corrupt(address, "its delta block header is damaged");
        }

        var plainLength = BinaryPrimitives.ReadUInt32LittleEndian(entry[2..]);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(entry[6..]);
        var body = entry.Length - JournalDeltaEncoder.HeaderLength;
        if (count > body / 3 || plainLength > body + ((long)count * (JournalRecordCodec.Overhead + MaxFrameLength)) || plainLength > 1 << 30)
        {
            throw JournalBlock.Corrupt(address, $"its delta block claims {count} records in {plainLength} bytes");
        }

        if (scratch.Length < plainLength)
        {
            scratch = new byte[Math.Max((int)plainLength, scratch.Length * 2)]; // rare: a larger block than any before
        }

        var output = scratch.AsSpan(0, (int)plainLength);
        var written = 0;
        var p = JournalDeltaEncoder.HeaderLength;
        var byShape = entry[1] == JournalDeltaEncoder.Kind; // else KindTwoLatest: a frame always replaces the other bank
        var slotCount = 0;
        var slot = -1;
        var sequence = -1L;
        var receive = 0L;
        for (var r = 0u; r < count; r++)
        {
            if (p >= entry.Length)
            {
                throw JournalBlock.Corrupt(address, "its delta block ends early");
            }

            int head = entry[p++];
            var fields = (head >> 2) & 0x1F;
            var older = (head & 0x80) != 0;
            if (older && fields == 0)
            {
                throw JournalBlock.Corrupt(address, "a raw delta record names a reference frame");
            }

            var gap = 0L;
            if ((head & 1) != 0 && (gap = JournalVarint.UnZigZag(Varint(entry, ref p, address))) == 0)
            {
                throw JournalBlock.Corrupt(address, "a delta record's sequence gap is 0");
            }

            sequence = unchecked(sequence + 1 + gap);
            if ((head & 2) != 0)
            {
                slot = SlotOf(entry, ref p, address, slot, ref slotCount);
            }
            else if (slot < 0)
            {
                throw JournalBlock.Corrupt(address, "its first delta record names no source");
            }

            receive = unchecked(receive + JournalVarint.UnZigZag(Varint(entry, ref p, address)));
            ReadOnlySpan<byte> frame;
            if (fields == 0)
            {
                var length = Varint(entry, ref p, address);
                if (length > (ulong)(entry.Length - p))
                {
                    throw JournalBlock.Corrupt(address, "a delta record's frame runs past the block");
                }

                frame = entry.Slice(p, (int)length);
                p += (int)length;
            }
            else
            {
                frame = _frame.AsSpan(0, ReadFields(entry, ref p, address, slot, fields, older, byShape));
            }

            var encoded = JournalRecordCodec.Encode(sequence, _slotSources[slot], receive, frame, output[written..]);
            if (encoded < 0)
            {
                throw JournalBlock.Corrupt(address, $"its delta block decodes to more than its recorded {plainLength} bytes");
            }

            written += encoded;
        }

        if (p != entry.Length || written != plainLength)
        {
            throw JournalBlock.Corrupt(address, $"its delta block decodes to {written} bytes (recorded {plainLength}) with {entry.Length - p} bytes left");
        }

        return output;
    }

    private int SlotOf(ReadOnlySpan<byte> entry, ref int p, long address, int previous, ref int slotCount)
    {
        var reference = Varint(entry, ref p, address);
        if (reference < (ulong)slotCount)
        {
            if ((int)reference == previous)
            {
                throw JournalBlock.Corrupt(address, "a delta record names the previous record's source as a change");
            }

            return (int)reference;
        }

        if (reference != (ulong)slotCount)
        {
            throw JournalBlock.Corrupt(address, $"a delta record names source slot {reference} of {slotCount}");
        }

        var source = JournalVarint.UnZigZag(Varint(entry, ref p, address));
        if (source is < int.MinValue or > int.MaxValue)
        {
            throw JournalBlock.Corrupt(address, $"a delta record names source {source}");
        }

        // Rare: a source's first record in this block.
        var slot = slotCount++;
        if (slot == _slotSources.Length)
        {
            var slots = slot * 2;
            Array.Resize(ref _slotSources, slots);
            Array.Resize(ref _latest, slots);
            Array.Resize(ref _fieldCounts, 2 * slots);
            Array.Resize(ref _frames, 2 * slots * MaxFrameLength);
            Array.Resize(ref _starts, 2 * slots * (MaxFields + 1));
            Array.Resize(ref _bases, slots * MaxFields);
        }

        _slotSources[slot] = (int)source;
        _latest[slot] = 0;
        _fieldCounts[2 * slot] = 0;
        _fieldCounts[(2 * slot) + 1] = 0;
        _bases.AsSpan(slot * MaxFields, MaxFields).Clear();
        return slot;
    }

    /// <summary>True for the block kinds this decoder reads (<see cref="JournalDeltaEncoder.Kind"/>, <see cref="JournalDeltaEncoder.KindTwoLatest"/>).</summary>
    public static bool IsDeltaKind(byte kind) => kind is JournalDeltaEncoder.Kind or JournalDeltaEncoder.KindTwoLatest;

    private int ReadFields(ReadOnlySpan<byte> entry, ref int p, long address, int slot, int fields, bool older, bool byShape)
    {
        var tagBytes = (fields + 3) >> 2;
        if (tagBytes > entry.Length - p)
        {
            throw JournalBlock.Corrupt(address, "a delta record's field tags run past the block");
        }

        var tags = entry.Slice(p, tagBytes);
        p += tagBytes;
        if ((fields & 3) != 0 && tags[^1] >> ((fields & 3) * 2) != 0)
        {
            throw JournalBlock.Corrupt(address, "a delta record has tags for fields it does not hold");
        }

        var other = (2 * slot) + (_latest[slot] ^ 1); // the bank the frame replaces unless it has its reference's shape
        var reference = older ? other : other ^ 1;
        var previousFields = _fieldCounts[reference];
        var previous = _frames.AsSpan(reference * MaxFrameLength, MaxFrameLength);
        var starts = _starts.AsSpan(reference * (MaxFields + 1), MaxFields + 1);
        Span<int> frameStarts = stackalloc int[MaxFields + 1];
        var bases = _bases.AsSpan(slot * MaxFields, MaxFields);
        var frame = _frame.AsSpan();
        var o = 0;
        for (var i = 0; i < fields; i++)
        {
            if (i > 0)
            {
                Put(frame, ref o, (byte)',', address);
            }

            var start = o;
            switch ((tags[i >> 2] >> ((i & 3) * 2)) & 3)
            {
                case 0:
                    if (i >= previousFields)
                    {
                        throw JournalBlock.Corrupt(address, $"a delta record repeats field {i} of a frame that has {previousFields}");
                    }

                    Put(frame, ref o, previous[starts[i]..(starts[i + 1] - 1)], address);
                    break;
                case 1:
                    Put(frame, ref o, (byte)'0', address);
                    break;
                case 2:
                    var value = unchecked(bases[i] + JournalVarint.UnZigZag(Varint(entry, ref p, address)));
                    if (value == 0 || value <= -NumericLimit || value >= NumericLimit)
                    {
                        throw JournalBlock.Corrupt(address, $"a delta record's number {value} is not canonical");
                    }

                    bases[i] = value;
                    PutNumber(frame, ref o, value, address);
                    break;
                default:
                    var length = Varint(entry, ref p, address);
                    if (length > (ulong)(entry.Length - p))
                    {
                        throw JournalBlock.Corrupt(address, "a delta record's field runs past the block");
                    }

                    Put(frame, ref o, entry.Slice(p, (int)length), address);
                    p += (int)length;
                    break;
            }

            frameStarts[i] = start;
        }

        frameStarts[fields] = o + 1;
        frameStarts = frameStarts[..(fields + 1)];
        var target = byShape && o <= JournalDeltaEncoder.MaxShapeLength && previousFields == fields && frameStarts.SequenceEqual(starts[..(fields + 1)]) ? reference : other;
        frameStarts.CopyTo(_starts.AsSpan(target * (MaxFields + 1), MaxFields + 1));
        _fieldCounts[target] = fields;
        _latest[slot] = (byte)(target & 1);
        frame[..o].CopyTo(_frames.AsSpan(target * MaxFrameLength, MaxFrameLength));
        return o;
    }

    private static ulong Varint(ReadOnlySpan<byte> entry, ref int p, long address)
        => JournalVarint.TryRead(entry, ref p, out var value) ? value : throw JournalBlock.Corrupt(address, "a delta record's number is cut or too long");

    private static void Put(Span<byte> frame, ref int o, byte value, long address)
    {
        if (o >= frame.Length)
        {
            throw TooLong(address);
        }

        frame[o++] = value;
    }

    private static void Put(Span<byte> frame, ref int o, ReadOnlySpan<byte> bytes, long address)
    {
        if (bytes.Length > frame.Length - o)
        {
            throw TooLong(address);
        }

        bytes.CopyTo(frame[o..]);
        o += bytes.Length;
    }

    private static void PutNumber(Span<byte> frame, ref int o, long value, long address)
    {
        Span<byte> digits = stackalloc byte[19];
        var magnitude = (ulong)Math.Abs(value); // |value| < 10^18
        var d = digits.Length;
        do
        {
            digits[--d] = (byte)('0' + (magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);

        if (value < 0)
        {
            digits[--d] = (byte)'-';
        }

        Put(frame, ref o, digits[d..], address);
    }

    private static EngineException TooLong(long address)
        => JournalBlock.Corrupt(address, $"a delta record's frame is longer than {MaxFrameLength} bytes");
}
