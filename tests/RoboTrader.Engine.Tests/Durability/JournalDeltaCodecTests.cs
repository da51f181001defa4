using System.Text;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Engine.Tests.Durability;

/// <summary>The delta block codec: exact round trips to the plain block, and a pinned format.</summary>
public sealed class JournalDeltaCodecTests
{
    private static byte[] Decode(byte[] entry, long address = 4096)
    {
        var scratch = Array.Empty<byte>();
        return JournalBlock.Records(entry, ref scratch, address).ToArray();
    }

    [Fact]
    public void RoundTrip_SeededAdversarialRecords_DecodesToTheExactPlainBlock()
    {
        var generator = new DeltaRecordGenerator(20261122);
        var encoder = new JournalDeltaEncoder(64); // grows: exercises the rare path too
        var records = 0;
        for (var block = 0; block < 3000; block++)
        {
            var input = generator.Block(1 + (block % 60));
            var plain = DeltaRecordGenerator.Plain(input);
            var delta = DeltaRecordGenerator.Delta(encoder, input);

            Assert.Equal(plain.Length, encoder.PlainLength);
            Assert.True(delta.Length < plain.Length); // even for these records: the writer's plain fallback is a guard
            Assert.Equal(input.Count, encoder.Count);
            Assert.Equal(plain, Decode(delta)); // the same decoder instance sees every block: its state resets per block
            records += input.Count;
        }

        Assert.Equal(91_500, records); // 3000 blocks of 1..60 records, 50 times over
    }

    [Theory]
    [InlineData(new[] { 8, 7, 3, 1, 1, 1 })] // a LEAN trade row's widths
    [InlineData(new[] { 8, 1, 1, 7, 3, 1, 1, 1 })]
    [InlineData(new[] { 20, 20, 20, 3 })] // 66 bytes: past the 64 the changed-field path covers
    [InlineData(new[] { 15, 15, 16, 15 })] // exactly 64 bytes with the commas
    [InlineData(new[] { 1 })]
    public void RoundTrip_FramesKeepingTheirCommas_OnlyChangedFieldsCoded_Exact(int[] widths)
    {
        // Every frame of a source has its commas in the same places: the encoder codes only the fields whose bytes
        // changed. Fields change a byte at a time, to digits, '-', '0' or a letter, so every tag shows up.
        var random = new Random(widths.Sum());
        var frames = Enumerable.Range(0, 4).Select(_ => widths.Select(w => Enumerable.Repeat((byte)'1', w).ToArray()).ToArray()).ToArray();
        var records = new List<DeltaTestRecord>();
        byte[] alphabet = "0123456789-0A"u8.ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var source = random.Next(4);
            var fields = frames[source];
            for (var changes = random.Next(4); changes > 0; changes--)
            {
                var field = fields[random.Next(fields.Length)];
                field[random.Next(field.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            records.Add(new DeltaTestRecord(i, source, i / 10, [.. string.Join(',', fields.Select(Encoding.ASCII.GetString)).Select(c => (byte)c)]));
        }

        var delta = DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), records);

        Assert.Equal(DeltaRecordGenerator.Plain(records), Decode(delta));
    }

    [Theory]
    [InlineData(JournalDeltaEncoder.InPlacePadding, 128)] // a slot's inline storage: read in place
    [InlineData(JournalDeltaEncoder.InPlacePadding, 0)] // in place once the storage reaches MinInPlaceStorage
    [InlineData(JournalDeltaEncoder.InPlacePadding - 1, 0)] // copied first: too little room after the frame
    public void Append_FrameInLargerStorage_SameBytesAsTheFrameAlone(int spare, int atLeast)
    {
        // A slot's frame storage holds leftovers of earlier frames after the frame: commas and digits that the 16-byte
        // loads see and must ignore. Either way (in place or copied) the block is the one the frame alone gives.
        var generator = new DeltaRecordGenerator(11);
        var filler = ",9,-1,0,"u8;
        for (var block = 0; block < 200; block++)
        {
            var records = generator.Block(1 + (block % 40));
            var fromStorage = new JournalDeltaEncoder();
            foreach (var r in records)
            {
                var storage = new byte[Math.Max(r.Frame.Length + spare, atLeast)];
                for (var i = 0; i < storage.Length; i++)
                {
                    storage[i] = filler[i % filler.Length];
                }

                r.Frame.CopyTo(storage, 0);
                fromStorage.Append(r.Sequence, r.Source, r.ReceiveNanos, storage, r.Frame.Length);
            }

            Assert.Equal(DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), records), fromStorage.Finish().ToArray());
        }
    }

    [Fact]
    public void RoundTrip_EncoderReusedAfterReset_SameBytesAsAFreshEncoder()
    {
        var generator = new DeltaRecordGenerator(7);
        var first = generator.Block(200);
        var second = generator.Block(200);
        var reused = new JournalDeltaEncoder();
        DeltaRecordGenerator.Delta(reused, first);

        Assert.Equal(DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), second), DeltaRecordGenerator.Delta(reused, second));
    }

    [Fact]
    public void Encode_PinnedBlock_ExactBytesAndPlainForm()
    {
        DeltaTestRecord[] records =
        [
            new(100, 2, 1000, "14442164,1689500,700,P,2000,0"u8.ToArray()),
            new(101, 2, 1000, "14442170,1689600,700,P,2000,0"u8.ToArray()),
            new(102, 5, 1500, []),
            new(105, 2, 1400, "14442170,1689500,007,P,,0"u8.ToArray()),
        ];

        var delta = DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), records);

        // Worked out from the format (JournalDeltaEncoder's remarks):
        // header C1 'E', plain length 183 (54 + 54 + 25 + 50), 4 records;
        // 1B: 6 fields, source change, sequence gap; gap zz(100) = C8 01; new slot 00, source zz(2) = 04; recv zz(1000) = D0 0F;
        //     tags 2,2,2,3 | 2,1 = EA 06; zz(14442164), zz(1689500), zz(700), literal "P", zz(2000); "0" by tag;
        // 18: 6 fields; recv +0; tags 2,2,0,0 | 0,0 = 0A 00; +6 → 0C, +100 → C8 01; the rest the same as before;
        // 02: raw, source change; slot 01 new, source zz(5) = 0A; recv +500 → E8 07; length 00;
        // 1B: gap 2 → 04; slot 00; recv −100 → C7 01; tags 0,2,3,0 | 3,0 = 38 03; −100 from 1689600 → C7 01;
        //     literal "007" = 03 30 30 37 (not canonical); "P" the same; literal "" = 00; "0" the same.
        Assert.Equal(
            Convert.FromHexString("C145B7000000040000001BC801000" + "4D00FEA06E8FAE20DB89ECE01F80A0150A01F18000A000CC80102010AE807001B0400C7013803C701033030370" + "0"),
            delta);
        Assert.Equal(DeltaRecordGenerator.Plain(records), Decode(delta));
        Assert.Equal(183, Decode(delta).Length);
    }

    [Fact]
    public void Encode_AlternatingQuoteShapes_EachCodedAgainstItsOwnKind_ExactBytes()
    {
        // Bid-only and ask-only quote rows alternate in LEAN data: against the latest row almost every field changes,
        // against the row before it only the time and a size do.
        DeltaTestRecord[] records =
        [
            new(10, 3, 500, "34085038,138300,27900,0,0,P,1,0"u8.ToArray()),
            new(11, 3, 500, "34085038,0,0,138400,9600,Q,1,0"u8.ToArray()),
            new(12, 3, 500, "34095755,138300,27900,0,0,P,1,0"u8.ToArray()),
            new(13, 3, 500, "34095755,0,0,138400,22900,K,1,0"u8.ToArray()),
        ];

        var delta = DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), records);

        // Worked out from the format (JournalDeltaEncoder's remarks); plain length 223 (56 + 55 + 56 + 56), 4 records.
        // 23: 8 fields, new source, gap zz(10) = 14; slot 00, source zz(3) = 06; recv zz(500) = E8 07; no reference yet:
        //     tags 2,2,2,1 | 1,3,2,1 = 6A 6D; zz(34085038) = DC E2 C0 20, zz(138300) = F8 F0 10, zz(27900) = F8 B3 03,
        //     "0", "0" by tag, literal "P" = 01 50, zz(1) = 02, "0" by tag.
        // 20: 8 fields against the latest (the older is empty); recv +0; tags 0,1,1,2 | 2,3,0,0 = 94 0E;
        //     zz(138400) = C0 F2 10, zz(9600) = 80 96 01, literal "Q" = 01 51.
        // A0: against the older (the first row: same commas); only the time changed: tags 2,0,0,0 | 0 = 02 00;
        //     zz(34095755 − 34085038) = BA A7 01.
        // A0: against the older (the second row: its commas agree for longer); tags 2,0,0,0 | 2,3,0,0 = 02 0E;
        //     time zz(0) = 00 (the base is the third row's), size zz(22900 − 9600) = E8 CF 01, literal "K" = 01 4B.
        Assert.Equal(
            Convert.FromHexString(
                "C145DF00000004000000" + "23140006E8076A6DDCE2C020F8F010F8B303015002" + "2000940EC0F2108096010151" + "A0000200BAA701" +
                "A000020E00E8CF01014B"),
            delta);
        Assert.Equal(DeltaRecordGenerator.Plain(records), Decode(delta));
    }

    [Fact]
    public void Encode_AShapeThatComesBack_CodedAgainstTheBankOfItsShape()
    {
        // A bid-only row, two ask-only rows, then a bid-only row again. The second ask row has the first's shape, so it
        // takes that bank and the bid row's bank stays: the last row finds it. (Kind 'D' kept the two latest frames,
        // both ask rows, and coded the last row against a frame of another shape.)
        DeltaTestRecord[] records =
        [
            new(20, 4, 700, "34085038,138300,27900,0,0,P,1,0"u8.ToArray()),
            new(21, 4, 700, "34085038,0,0,138400,9600,Q,1,0"u8.ToArray()),
            new(22, 4, 700, "34085039,0,0,138400,9700,Q,1,0"u8.ToArray()),
            new(23, 4, 700, "34085040,138300,27900,0,0,P,1,0"u8.ToArray()),
        ];

        var delta = DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), records);

        // The last record (its last 5 bytes): A0 = against the other bank (older reference), 8 fields; recv +0 = 00;
        // tags 2,0,0,0 | 0,0,0,0 = 02 00: only the time changed; zz(34085040 − 34085039) = 02 (the time's base is the
        // third row's).
        Assert.Equal(Convert.FromHexString("A000020002"), delta[^5..]);
        Assert.Equal(DeltaRecordGenerator.Plain(records), Decode(delta));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)] // the longest frame that takes its reference's bank
    [InlineData(65)] // always the other bank
    public void RoundTrip_ShapesAroundTheSixtyFourByteLimit_Exact(int length)
    {
        // Two shapes, each row of one repeating the row before it of its shape but for the last digit: A A B B A A.
        byte[] Row(bool first, int digit) => Encoding.ASCII.GetBytes((first ? "1,22," : "1,2,2") + new string('3', length - 6) + digit);
        var records = new[] { Row(true, 1), Row(true, 2), Row(false, 3), Row(false, 4), Row(true, 5), Row(true, 6) }
            .Select((f, i) => new DeltaTestRecord(i, 9, i, f)).ToList();
        Assert.All(records, r => Assert.Equal(length, r.Frame.Length));

        var delta = DeltaRecordGenerator.Delta(new JournalDeltaEncoder(), records);

        Assert.Equal(DeltaRecordGenerator.Plain(records), Decode(delta));
    }

    [Theory]
    [InlineData("C144B7000000040000001BC8010004D00FEA06E8FAE20DB89ECE01F80A0150A01F18000A000CC80102010AE807001B0400C7013803C7010330303700")]
    [InlineData("C144DF00000004000000" + "23140006E8076A6DDCE2C020F8F010F8B303015002" + "2000940EC0F2108096010151" + "A0000200BAA701" + "A000020E00E8CF01014B")]
    public void Decode_KindDBlocksOfEarlierVersions_StillReadable(string hex)
    {
        // The two blocks above as the encoder wrote them in kind 'D' (their records are the pinned ones' above): a journal
        // written before kind 'E' still exports and recovers.
        var plain = Decode(Convert.FromHexString(hex));

        Assert.Equal(hex.StartsWith("C144B7", StringComparison.Ordinal) ? 183 : 223, plain.Length);
        Assert.Equal(Decode(Convert.FromHexString("C145" + hex[4..])), plain);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)] // the longest field-coded frame: its empty last field starts at 256
    [InlineData(257)] // raw
    public void RoundTrip_LongFramesEndingInAComma_Exact(int length)
    {
        var frame = Encoding.ASCII.GetBytes(new string('7', length - 3) + ",1,");
        var records = Enumerable.Range(0, 4).Select(i => new DeltaTestRecord(i, 3 + (i % 2), i, frame)).ToList();
        var encoder = new JournalDeltaEncoder();

        var delta = DeltaRecordGenerator.Delta(encoder, records);

        Assert.Equal(DeltaRecordGenerator.Plain(records), Decode(delta));
        Assert.Equal(length <= 256 ? (3 << 2) | 2 : 2, delta[JournalDeltaEncoder.HeaderLength]); // the first record's head: 3 fields or raw, a new source
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-0", false)]
    [InlineData("007", false)]
    [InlineData("+1", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("1-", false)]
    [InlineData("1000000000000000000", false)] // 19 digits
    [InlineData("9223372036854775807", false)]
    [InlineData("-9223372036854775808", false)]
    [InlineData("999999999999999999", true)]
    [InlineData("-999999999999999999", true)]
    [InlineData("1", true)]
    [InlineData("-1", true)]
    [InlineData("1689500", true)]
    public void TryParseCanonical_OnlyTextsThatFormatBackToTheSameBytes(string text, bool canonical)
    {
        var parsed = JournalDeltaFields.TryParseCanonical(Encoding.ASCII.GetBytes(text), out var value);

        Assert.Equal(canonical, parsed);
        if (parsed)
        {
            Assert.Equal(text, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Encode_LeanLikeRows_FewBytesPerRecord()
    {
        var encoder = new JournalDeltaEncoder();
        var trades = new[] { "14442164,1689500,700,P,2000,0", "14442164,1689500,100,P,2000,0", "14442170,1689600,100,P,2000,0" };
        var quotes = new[] { "14400546,1750000,100,0,0,P,1,0", "14400546,0,0,1848300,100,P,1,0", "14400547,1750100,100,0,0,P,1,0", "14400547,0,0,1848200,100,P,1,0" };
        var plainLength = 0L;
        for (var i = 0; i < 300; i++)
        {
            var frame = Encoding.ASCII.GetBytes(i % 2 == 0 ? trades[i / 2 % 3] : quotes[i / 2 % 4]);
            encoder.Append(1000 + i, i % 2, 77_000_000_000 + (i / 50 * 1000), frame);
            plainLength += JournalRecordCodec.EncodedLength(1000 + i, i % 2, 77_000_000_000 + (i / 50 * 1000), frame.Length);
        }

        Assert.Equal(plainLength, encoder.PlainLength);
        var block = encoder.Finish();
        Assert.InRange(block.Length, 300 * 5, 300 * 10); // plain: about 66 a record
        Assert.Equal(plainLength, Decode(block.ToArray()).Length);
    }

    [Fact]
    public void EncodedLength_EqualsTheLengthEncodeWrites()
    {
        long[] values = [0, 1, 31, 32, 127, 128, 255, 256, 65_535, 65_536, uint.MaxValue, (long)uint.MaxValue + 1, long.MaxValue,
            -1, -32, -33, -128, -129, -32_768, -32_769, int.MinValue, (long)int.MinValue - 1, long.MinValue];
        int[] sources = [0, 1, 127, 128, 255, 256, 65_535, 65_536, int.MaxValue, -1, -33, -129, -32_769, int.MinValue];
        int[] frames = [0, 1, 255, 256, 65_535, 65_536];
        var frame = new byte[65_536];
        var buffer = new byte[70_000];
        foreach (var v in values)
        {
            foreach (var s in sources)
            {
                foreach (var f in frames)
                {
                    Assert.Equal(JournalRecordCodec.Encode(v, s, -v, frame.AsSpan(0, f), buffer), JournalRecordCodec.EncodedLength(v, s, -v, f));
                }
            }
        }
    }
}
