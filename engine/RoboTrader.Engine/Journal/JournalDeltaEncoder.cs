using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RoboTrader.Engine.Journal;

/// <summary>
/// Writes a delta block (<see cref="JournalBlock"/> kind 'E'): the same records as a plain block, each field coded
/// against one of two earlier records of its source, so that the regular rows of market data (LEAN ticks) take a few
/// bytes instead of a MessagePack map around a CSV line. <see cref="JournalDeltaDecoder"/> turns the block back into
/// the exact plain block (and reads the older kind 'D' as well).
/// </summary>
/// <remarks>
/// <para>
/// Block: <c>0xC1 'E'</c>, the plain block's length (uint32 LE), the record count (uint32 LE), then the records. All
/// state resets at a block start. Varints are LEB128; "zz" marks a zigzag-mapped signed value. A record:
/// </para>
/// <list type="number">
/// <item>head byte: <c>olderReference &lt;&lt; 7 | kind &lt;&lt; 2 | sourceChanged &lt;&lt; 1 | sequenceGap</c>; kind 0 is a
/// raw frame, 1..31 a frame of that many comma-separated fields; olderReference (field-coded frames only) says which
/// of the source's two reference frames (its banks) the fields are coded against: 0 the latest, 1 the other one (rows
/// of two shapes that alternate, such as bid-only and ask-only quotes, each find their own kind);</item>
/// <item>when sequenceGap: varint zz(sequence − previous sequence − 1), never 0 (before the first record the previous
/// sequence is −1);</item>
/// <item>when sourceChanged: varint slot — a slot of this block (not the previous record's), or the next new slot
/// followed by varint zz(source id); the first record always names its source;</item>
/// <item>varint zz(receive nanos − previous record's), the first record against 0;</item>
/// <item>raw: varint length, the bytes. Fields: 2-bit tags, four a byte (field i at bits 2·(i mod 4) of byte i/4, the
/// unused bits 0), then per field: tag 0 the same bytes as field i of the reference frame (nothing follows); tag 1
/// exactly "0"; tag 2 a canonical decimal integer ("-"? [1-9][0-9]{0,17}): varint zz(value − the field's base), the
/// base being field i's last tag-2 value in this source (initially 0); tag 3 a literal: varint length, the bytes.</item>
/// </list>
/// <para>A frame is field-coded when it is 1..<see cref="MaxFrameLength"/> bytes with at most <see cref="MaxFields"/>
/// fields; raw frames leave the source's field state as it was. A field-coded frame then becomes its source's latest
/// reference, in the place of its own reference when it has that reference's shape — at most
/// <see cref="MaxShapeLength"/> bytes long, its commas where the reference has them and the same length — and otherwise
/// in the place of the other bank. So a source keeps
/// the latest frame of each of its last two shapes: in real LEAN quotes (bid-only and ask-only rows, of sizes and
/// prices whose widths change) 94 % of the frames find a reference of their shape, against 76 % in kind 'D' blocks,
/// where a frame always replaced the other bank (the two latest frames; <see cref="KindTwoLatest"/>). The encoder
/// takes the latest reference when the frame has its shape, else the other one when the frame has its, else whichever
/// has its commas where the frame's are for longer from the start (the latest on a tie). Canonical integers format
/// back to the same bytes, which is what makes decoding exact for any input.</para>
/// <para>One thread (the journal's). Allocates only when a block meets more sources, or a larger frame, than any
/// block before.</para>
/// </remarks>
public sealed class JournalDeltaEncoder
{
    /// <summary>The block kind after <see cref="JournalBlock.CompressedMarker"/>.</summary>
    public const byte Kind = (byte)'E';

    /// <summary>
    /// The kind of the delta blocks written before <see cref="Kind"/>: the same records, but a frame always replaced
    /// its source's other bank, so the banks held the source's two latest frames. Read, no longer written.
    /// </summary>
    public const byte KindTwoLatest = (byte)'D';

    /// <summary>Marker, kind, plain length, record count.</summary>
    public const int HeaderLength = 10;

    /// <summary>Most fields of a field-coded frame.</summary>
    public const int MaxFields = 31;

    /// <summary>Longest field-coded frame.</summary>
    public const int MaxFrameLength = 256;

    /// <summary>
    /// Longest frame that takes the bank of a reference of its shape (the comma mask covers a frame's first 64 bytes);
    /// a longer one always takes the other bank. Part of the format of kind <see cref="Kind"/>: the decoder applies it too.
    /// </summary>
    public const int MaxShapeLength = 64;

    /// <summary>Bytes a record may take besides its frame's bytes (head, sequence, slot, source, receive, tags, a varint per field).</summary>
    public const int RecordOverhead = 1 + (3 * JournalVarint.MaxLength) + 5 + 8 + (MaxFields * JournalVarint.MaxLength);

    private const int DirectSources = 1 << 16; // source ids below this find their slot by index, others by a scan
    /// <summary>Readable bytes after a frame that <see cref="Append(long, int, long, ReadOnlySpan{byte}, int)"/> reads in place.</summary>
    public const int InPlacePadding = 16;

    /// <summary>Fewest bytes of storage <see cref="Append(long, int, long, ReadOnlySpan{byte}, int)"/> reads a frame in place from (a 64-byte load covers a row of up to 64 bytes).</summary>
    public const int MinInPlaceStorage = 64;

    private const int FramePadding = InPlacePadding; // 8-byte loads at any field start (up to MaxFrameLength) stay inside the arrays
    private const int PipelineSlotFrame = Pipeline.PipelineSlot.InitialFrameCapacity;

    private byte[] _buffer;
    private int _length = HeaderLength;
    private int _count;
    private long _plainLength;
    private long _previousSequence = -1;
    private int _previousSlot = -1;
    private long _previousReceive;
    private int _slotCount;
    private int[] _slotSources = new int[8];
    private int[] _slotOfSource = new int[64]; // source id → slot + 1 (0: none in this block)
    // A slot's two reference frames live in banks 2·slot and 2·slot + 1; _latest[slot] says which holds the latest. A
    // new frame replaces its reference when it has that one's shape, else the other bank, and becomes the latest.
    private byte[] _frames = new byte[(2 * 8 * MaxFrameLength) + FramePadding]; // a bank's frame
    private int[] _starts = new int[2 * 8 * (MaxFields + 1)]; // its field starts, then its length + 1
    private int[] _fieldCounts = new int[2 * 8]; // its field count (0: none yet)
    private ulong[] _commaMasks = new ulong[2 * 8]; // its commas among its first 64 bytes
    private byte[] _latest = new byte[8]; // a slot's bank holding its latest frame (0 or 1)
    private long[] _bases = new long[8 * MaxFields]; // a slot's fields' last tag-2 values
    private readonly byte[] _work = new byte[MaxFrameLength + FramePadding]; // a frame without padding of its own, copied
    private readonly int[] _commas = new int[MaxFields];
    private ulong _commaMask; // the work frame's commas among its first 64 bytes

    /// <summary>Creates an encoder whose buffer starts at <paramref name="capacity"/> bytes.</summary>
    public JournalDeltaEncoder(int capacity = JournalWriter.BlockBytes + PipelineSlotFrame + RecordOverhead)
        => _buffer = new byte[Math.Max(capacity, HeaderLength + RecordOverhead)];

    /// <summary>Bytes of the block so far, header included.</summary>
    public int Length => _length;

    /// <summary>Records in the block.</summary>
    public int Count => _count;

    /// <summary>Length of the plain block holding the same records.</summary>
    public long PlainLength => _plainLength;

    /// <summary>Appends one record.</summary>
    public void Append(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> frame)
        => Append(sequence, source, receiveNanos, frame, frame.Length);

    /// <summary>
    /// Appends one record whose frame is the first <paramref name="length"/> bytes of <paramref name="storage"/>. With
    /// at least <see cref="InPlacePadding"/> bytes of storage after the frame, and <see cref="MinInPlaceStorage"/> in
    /// all, the frame is read where it is (loads that run past its end, their extra bytes ignored) instead of being
    /// copied first: a copy's stores followed at once by wider or misaligned loads of the same bytes stalled on store
    /// forwarding (two thirds of the comma search's samples in the journal thread's profile).
    /// </summary>
    public void Append(long sequence, int source, long receiveNanos, ReadOnlySpan<byte> storage, int length)
    {
        var frame = storage[..length];
        if (_buffer.Length - _length < length + RecordOverhead)
        {
            Grow(length);
        }

        var buffer = _buffer;
        var p = _length;
        var headAt = p++;
        var head = 0;
        var gap = unchecked(sequence - _previousSequence - 1);
        if (gap != 0)
        {
            head = 1;
            JournalVarint.Write(buffer, ref p, JournalVarint.ZigZag(gap));
        }

        var slot = SlotOf(source, out var isNew);
        if (slot != _previousSlot)
        {
            head |= 2;
            JournalVarint.Write(buffer, ref p, (uint)slot);
            if (isNew)
            {
                JournalVarint.Write(buffer, ref p, JournalVarint.ZigZag(source));
            }
        }

        JournalVarint.Write(buffer, ref p, JournalVarint.ZigZag(unchecked(receiveNanos - _previousReceive)));
        var fields = 0;
        ref var work = ref MemoryMarshal.GetReference(storage);
        if (length is > 0 and <= MaxFrameLength)
        {
            if (storage.Length - length < InPlacePadding || storage.Length < MinInPlaceStorage)
            {
                frame.CopyTo(_work);
                work = ref MemoryMarshal.GetArrayDataReference(_work);
            }

            fields = FindCommas(ref work, length) + 1;
        }

        if (fields is > 0 and <= MaxFields)
        {
            p = WriteFields(ref work, length, slot, fields, buffer, p, out var older);
            head |= (fields << 2) | (older ? 0x80 : 0);
        }
        else
        {
            JournalVarint.Write(buffer, ref p, (uint)frame.Length);
            frame.CopyTo(buffer.AsSpan(p));
            p += frame.Length;
        }

        buffer[headAt] = (byte)head;
        _length = p;
        _count++;
        _plainLength += JournalRecordCodec.EncodedLength(sequence, source, receiveNanos, frame.Length);
        _previousSequence = sequence;
        _previousSlot = slot;
        _previousReceive = receiveNanos;
    }

    /// <summary>Completes the block: writes its header and returns it (valid until the next append or <see cref="Reset"/>).</summary>
    public ReadOnlySpan<byte> Finish()
    {
        var buffer = _buffer;
        buffer[0] = JournalBlock.CompressedMarker;
        buffer[1] = Kind;
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(2), checked((uint)_plainLength));
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(6), (uint)_count);
        return buffer.AsSpan(0, _length);
    }

    /// <summary>Starts a new block: every source's state is forgotten.</summary>
    public void Reset()
    {
        for (var s = 0; s < _slotCount; s++)
        {
            if ((uint)_slotSources[s] < (uint)_slotOfSource.Length)
            {
                _slotOfSource[_slotSources[s]] = 0;
            }
        }

        _slotCount = 0;
        _length = HeaderLength;
        _count = 0;
        _plainLength = 0;
        _previousSequence = -1;
        _previousSlot = -1;
        _previousReceive = 0;
    }

    /// <summary>
    /// Records where the <paramref name="n"/>-byte frame at <paramref name="work"/> (1..<see cref="MaxFrameLength"/>
    /// bytes; <see cref="InPlacePadding"/> readable after it, and <see cref="MinInPlaceStorage"/> from its start) has
    /// its commas among its first 64 bytes (<see cref="_commaMask"/>), and returns how many it holds (all of them).
    /// Where each comma is, is worked out only when the slow path needs it (<see cref="FillCommas"/>).
    /// </summary>
    private int FindCommas(ref byte work, int n)
    {
        var count = 0;
        var mask = 0UL;
        if (Vector512.IsHardwareAccelerated && n <= 64)
        {
            // One compare for the usual row (its storage has 64 readable bytes: see Append).
            mask = Vector512.Equals(Vector512.LoadUnsafe(ref work), Vector512.Create((byte)',')).ExtractMostSignificantBits();
            mask &= FirstBytes(n);
            _commaMask = mask;
            return BitOperations.PopCount(mask);
        }

        for (var offset = 0; offset < n; offset += Vector128<byte>.Count)
        {
            var bits = CommaBits(ref work, offset, n);
            if (offset < 64)
            {
                mask |= (ulong)bits << offset;
            }
            else
            {
                count += BitOperations.PopCount(bits);
            }
        }

        _commaMask = mask;
        return count + BitOperations.PopCount(mask);
    }

    /// <summary>Records where the frame's first <see cref="MaxFields"/> commas are (the slow path reads them).</summary>
    private void FillCommas(ref byte work, int length)
    {
        var commas = _commas;
        var count = 0;
        for (var offset = 0; offset < length && count < MaxFields; offset += Vector128<byte>.Count)
        {
            for (var bits = CommaBits(ref work, offset, length); bits != 0 && count < MaxFields; bits &= bits - 1)
            {
                commas[count++] = offset + BitOperations.TrailingZeroCount(bits);
            }
        }
    }

    /// <summary>The bits of a 64-byte compare's mask that stand for the frame's <paramref name="length"/> (1..64) bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FirstBytes(int length) => length == 64 ? ulong.MaxValue : (1UL << length) - 1;

    /// <summary>Which of the 16 frame bytes at <paramref name="offset"/> are commas, bytes past <paramref name="length"/> masked off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint CommaBits(ref byte work, int offset, int length)
    {
        // WARNING: the frame has InPlacePadding readable bytes after it: the load never leaves its storage; bytes past
        // the frame are masked off.
        var bits = Vector128.Equals(Vector128.LoadUnsafe(ref work, (nuint)offset), Vector128.Create((byte)',')).ExtractMostSignificantBits();
        return length - offset < Vector128<byte>.Count ? bits & ((1u << (length - offset)) - 1) : bits;
    }

    private int WriteFields(ref byte work, int length, int slot, int fields, byte[] buffer, int p, out bool older)
    {
        // Fields end at the commas FindCommas found. When they are where a reference frame had them (the usual case),
        // one compare (64 bytes with AVX-512, else 16 at a time) finds the fields that changed, and only those are
        // coded; otherwise a field equal to the reference's costs a length compare and an 8-byte compare, and only the
        // others are parsed. Either way the bytes written are the same. WARNING: unchecked reads: every offset below is
        // within the frame (at most MaxFrameLength bytes; InPlacePadding readable after it, MinInPlaceStorage from its
        // start) or a bank's (MaxFrameLength bytes each, FramePadding after the last).
        var tagsAt = p;
        p += (fields + 3) >> 2;
        var latest = (2 * slot) + _latest[slot];
        var target = latest ^ 1; // the other bank: the frame replaces it unless it has its reference's shape (below)
        var mask = _commaMask;
        var aligned = true;
        var reference = latest;
        if (!Aligned(latest, length, fields, mask))
        {
            if (Aligned(target, length, fields, mask))
            {
                reference = target;
            }
            else
            {
                aligned = false;
                if (_fieldCounts[target] != 0 && BitOperations.TrailingZeroCount(_commaMasks[target] ^ mask) > BitOperations.TrailingZeroCount(_commaMasks[latest] ^ mask))
                {
                    reference = target;
                }
            }
        }

        if (aligned && reference == latest)
        {
            target = latest; // the frame has its reference's shape: it takes that bank, the other shape's bank stays
        }

        ref var frames = ref MemoryMarshal.GetArrayDataReference(_frames);
        ref var starts = ref MemoryMarshal.GetArrayDataReference(_starts);
        ref var previous = ref Unsafe.Add(ref frames, reference * MaxFrameLength);
        ref var referenceStarts = ref Unsafe.Add(ref starts, reference * (MaxFields + 1));
        ref var targetStarts = ref Unsafe.Add(ref starts, target * (MaxFields + 1));
        ref var bases = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bases), slot * MaxFields);
        ulong tags;
        if (aligned)
        {
            // The commas are where the reference had them: only the fields holding a changed byte are coded (the others
            // are tag 0), and the frame's field starts are the reference's.
            tags = WriteChangedFields(ref work, ref previous, ref bases, length, buffer, ref p);
            if (reference != target)
            {
                Unsafe.CopyBlockUnaligned(ref Unsafe.As<int, byte>(ref targetStarts), ref Unsafe.As<int, byte>(ref referenceStarts), (uint)((fields + 1) * sizeof(int)));
            }
        }
        else
        {
            FillCommas(ref work, length);
            tags = WriteAllFields(ref work, ref previous, ref referenceStarts, ref targetStarts, ref bases, length, fields, _fieldCounts[reference], buffer, ref p);
        }

        _fieldCounts[target] = fields;
        _commaMasks[target] = mask;
        _latest[slot] = (byte)(target & 1);
        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref frames, target * MaxFrameLength), ref work, (uint)length);
        for (var t = tagsAt; t < tagsAt + ((fields + 3) >> 2); t++)
        {
            buffer[t] = (byte)tags;
            tags >>= 8;
        }

        older = reference != latest;
        return p;
    }

    /// <summary>True when bank <paramref name="bank"/>'s frame has its commas where the work frame has them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Aligned(int bank, int length, int fields, ulong mask)
        => length <= MaxShapeLength && _fieldCounts[bank] == fields && _commaMasks[bank] == mask && _starts[(bank * (MaxFields + 1)) + fields] - 1 == length;

    private ulong WriteChangedFields(ref byte work, ref byte previous, ref long bases, int length, byte[] buffer, ref int p)
    {
        var diff = 0UL;
        if (Vector512.IsHardwareAccelerated)
        {
            diff = ~Vector512.Equals(Vector512.LoadUnsafe(ref work), Vector512.LoadUnsafe(ref previous)).ExtractMostSignificantBits();
        }
        else
        {
            for (var offset = 0; offset < length; offset += Vector128<byte>.Count)
            {
                var equal = Vector128.Equals(Vector128.LoadUnsafe(ref work, (nuint)offset), Vector128.LoadUnsafe(ref previous, (nuint)offset));
                diff |= (ulong)(~equal.ExtractMostSignificantBits() & 0xFFFF) << offset;
            }
        }

        diff &= FirstBytes(length);
        // A comma never differs (both frames have their commas in the same places), so the changed byte's field runs
        // from just after the last comma before it to the first comma after it (or the end of the frame).
        var commaMask = _commaMask;
        var tags = 0UL;
        while (diff != 0)
        {
            var changed = BitOperations.TrailingZeroCount(diff);
            var before = commaMask & ((1UL << changed) - 1);
            var i = BitOperations.PopCount(before);
            var start = i == 0 ? 0 : 64 - BitOperations.LeadingZeroCount(before);
            var after = commaMask & (ulong.MaxValue << changed);
            var end = after == 0 ? length : BitOperations.TrailingZeroCount(after);
            tags |= CodeField(ref Unsafe.Add(ref work, start), end - start, ref Unsafe.Add(ref bases, i), buffer, ref p) << (2 * i);
            diff = end + 1 >= 64 ? 0 : diff & (ulong.MaxValue << (end + 1));
        }

        return tags;
    }

    private ulong WriteAllFields(ref byte work, ref byte previous, ref int starts, ref int targetStarts, ref long bases, int length, int fields, int previousFields, byte[] buffer, ref int p)
    {
        // targetStarts may be starts itself: field i's start is written only after the reference's starts i and i + 1
        // are read, and later fields read later starts.
        ref var commas = ref MemoryMarshal.GetArrayDataReference(_commas);
        var tags = 0UL;
        var start = 0;
        for (var i = 0; i < fields; i++)
        {
            var end = i == fields - 1 ? length : Unsafe.Add(ref commas, i);
            var fieldLength = end - start;
            ref var field = ref Unsafe.Add(ref work, start);
            ulong tag;
            var previousStart = Unsafe.Add(ref starts, i);
            if (i < previousFields && Unsafe.Add(ref starts, i + 1) - 1 - previousStart == fieldLength && JournalDeltaFields.SameBytes(ref field, ref Unsafe.Add(ref previous, previousStart), fieldLength))
            {
                tag = 0;
            }
            else
            {
                tag = CodeField(ref field, fieldLength, ref Unsafe.Add(ref bases, i), buffer, ref p);
            }

            tags |= tag << (2 * i);
            Unsafe.Add(ref targetStarts, i) = start;
            start = end + 1;
        }

        Unsafe.Add(ref targetStarts, fields) = length + 1;
        return tags;
    }

    /// <summary>Codes a field that is not the reference frame's: "0" (tag 1), a canonical integer (tag 2) or literal bytes (tag 3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CodeField(ref byte field, int length, ref long fieldBase, byte[] buffer, ref int p)
    {
        if (length == 1 && field == (byte)'0')
        {
            return 1;
        }

        if (JournalDeltaFields.TryParseCanonical(ref field, length, out var value))
        {
            JournalVarint.Write(buffer, ref p, JournalVarint.ZigZag(value - fieldBase)); // |values| < 10^18: no overflow
            fieldBase = value;
            return 2;
        }

        JournalVarint.Write(buffer, ref p, (uint)length);
        MemoryMarshal.CreateReadOnlySpan(ref field, length).CopyTo(buffer.AsSpan(p));
        p += length;
        return 3;
    }

    private int SlotOf(int source, out bool isNew)
    {
        if ((uint)source < (uint)_slotOfSource.Length)
        {
            var s = _slotOfSource[source] - 1;
            if (s >= 0)
            {
                isNew = false;
                return s;
            }
        }
        else if ((uint)source >= DirectSources)
        {
            for (var s = 0; s < _slotCount; s++)
            {
                if (_slotSources[s] == source)
                {
                    isNew = false;
                    return s;
                }
            }
        }

        isNew = true;
        return NewSlot(source);
    }

    private int NewSlot(int source)
    {
        // Rare: a source's first record in this block.
        var slot = _slotCount++;
        if (slot == _slotSources.Length)
        {
            var slots = slot * 2;
            Array.Resize(ref _slotSources, slots);
            Array.Resize(ref _latest, slots);
            Array.Resize(ref _fieldCounts, 2 * slots);
            Array.Resize(ref _commaMasks, 2 * slots);
            Array.Resize(ref _frames, (2 * slots * MaxFrameLength) + FramePadding);
            Array.Resize(ref _starts, 2 * slots * (MaxFields + 1));
            Array.Resize(ref _bases, slots * MaxFields);
        }

        if ((uint)source < DirectSources)
        {
            if (source >= _slotOfSource.Length)
            {
                Array.Resize(ref _slotOfSource, Math.Min(DirectSources, Math.Max(source + 1, _slotOfSource.Length * 2)));
            }

            _slotOfSource[source] = slot + 1;
        }

        _slotSources[slot] = source;
        _latest[slot] = 0;
        _fieldCounts[2 * slot] = 0;
        _fieldCounts[(2 * slot) + 1] = 0;
        _bases.AsSpan(slot * MaxFields, MaxFields).Clear();
        return slot;
    }

    private void Grow(int frameLength)
    {
        // Rare: a frame larger than any before.
        var size = Math.Max(_buffer.Length * 2, _length + frameLength + RecordOverhead);
        Array.Resize(ref _buffer, size);
    }
}
