using System.Globalization;
using System.Text;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Engine.Tests.Durability;

/// <summary>
/// Seeded journal records meant to break the delta codec: CSV-ish frames from digits, '-', '0' prefixes, empty fields,
/// commas at the ends, numbers at and past the canonical limits (18 digits, long.MinValue/MaxValue), non-ASCII bytes,
/// JSON-like frames, 0..40 fields, long frames; many sources interleaved; sequence gaps; receive times going back.
/// </summary>
public sealed class DeltaRecordGenerator(int seed)
{
    private static readonly int[] s_sources = [0, 1, 2, 3, 7, 255, 65_535, 65_536, 1_000_000, -1, -5, int.MaxValue, int.MinValue];

    private static readonly string[] s_specialFields =
    [
        "0", "-0", "00", "007", "+1", "-", "--1", "", " ", "1 ", "P", "A", "1.5", "-1.5", "1e5",
        "999999999999999999", "-999999999999999999", "100000000000000000", "1000000000000000000", "-1000000000000000000",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616", "12345678901234567890123",
        "1", "-1", "9", "10", "-10",
    ];

    private readonly Random _random = new(seed);
    private readonly Dictionary<int, string[]> _lastFields = [];
    private readonly Dictionary<int, string[]> _olderFields = [];
    private long _sequence;
    private long _receive;

    /// <summary>The records of one block.</summary>
    public List<DeltaTestRecord> Block(int count)
    {
        var records = new List<DeltaTestRecord>(count);
        _sequence = _random.Next(10) switch
        {
            0 => long.MinValue + _random.Next(3),
            1 => long.MaxValue - _random.Next(3),
            2 => -1,
            _ => _random.NextInt64(0, 1L << 40),
        };
        _receive = _random.Next(6) == 0 ? (_random.Next(2) == 0 ? long.MinValue : long.MaxValue) : _random.NextInt64(-1L << 50, 1L << 62);
        var sources = s_sources.OrderBy(_ => _random.Next()).Take(1 + _random.Next(s_sources.Length)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var source = sources[_random.Next(sources.Length)];
            records.Add(new DeltaTestRecord(_sequence, source, _receive, Frame(source)));
            _sequence = unchecked(_sequence + _random.Next(10) switch
            {
                0 => _random.NextInt64(long.MinValue, long.MaxValue),
                1 => _random.Next(2, 1000),
                2 => -_random.Next(0, 1000),
                _ => 1,
            });
            _receive = unchecked(_receive + _random.Next(8) switch
            {
                0 => _random.NextInt64(long.MinValue, long.MaxValue),
                1 => -_random.Next(0, 1_000_000),
                2 => _random.Next(0, 1_000_000),
                _ => 0,
            });
        }

        return records;
    }

    private byte[] Frame(int source)
    {
        switch (_random.Next(20))
        {
            case 0:
                return [];
            case 1:
                return Encoding.UTF8.GetBytes($"{{\"time\":\"2013-10-07T09:{_random.Next(60):D2}:00Z\",\"signal\":{_random.Next(-5, 5)},\"tags\":[1,2,3],\"note\":\"é,ü\"}}");
            case 2:
                var random = new byte[_random.Next(1, 400)];
                _random.NextBytes(random);
                return random;
            case 3:
                return Encoding.ASCII.GetBytes(string.Join(',', Enumerable.Range(0, _random.Next(80, 200)).Select(i => i.ToString(CultureInfo.InvariantCulture)))); // > 256 bytes
        }

        var count = _random.Next(10) == 0 ? _random.Next(1, 41) : _random.Next(6, 9);
        // Usually built from the source's previous fields, sometimes from the ones before (rows of two alternating
        // shapes, such as bid-only and ask-only quotes, which the encoder codes against the older reference).
        _lastFields.TryGetValue(source, out var latest);
        _olderFields.TryGetValue(source, out var older);
        var last = _random.Next(3) == 0 && older is not null ? older : latest;
        var fields = new string[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = Field(last is not null && i < last.Length ? last[i] : null);
        }

        if (latest is not null)
        {
            _olderFields[source] = latest;
        }

        _lastFields[source] = fields;
        var text = string.Join(',', fields);
        if (_random.Next(15) == 0)
        {
            text = _random.Next(2) == 0 ? "," + text : text + ",";
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (_random.Next(25) == 0 && bytes.Length > 0)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(0x80, 0x100); // not UTF-8 any more
        }

        return bytes;
    }

    private string Field(string? previous)
    {
        switch (_random.Next(12))
        {
            case 0 or 1 or 2 when previous is not null:
                return previous; // the same bytes as the source's previous frame
            case 3 when previous is not null && long.TryParse(previous, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value is > -1_000_000_000_000_000_000 and < 1_000_000_000_000_000_000:
                return (value + _random.Next(-300, 300)).ToString(CultureInfo.InvariantCulture); // a small step
            case 4:
                return s_specialFields[_random.Next(s_specialFields.Length)];
            case 5:
                return new string('0', _random.Next(1, 4)) + _random.Next(1000).ToString(CultureInfo.InvariantCulture);
            case 6:
                return Encoding.Latin1.GetString([(byte)_random.Next(0x21, 0x100)]);
            case 7:
                var digits = _random.Next(1, 22);
                var sb = new StringBuilder(_random.Next(3) == 0 ? "-" : "");
                sb.Append((char)('1' + _random.Next(9)));
                for (var d = 1; d < digits; d++)
                {
                    sb.Append((char)('0' + _random.Next(10)));
                }

                return sb.ToString();
            default:
                return _random.NextInt64(-20_000_000, 20_000_000).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The plain block <see cref="JournalRecordCodec"/> writes for <paramref name="records"/>.</summary>
    public static byte[] Plain(IEnumerable<DeltaTestRecord> records)
    {
        var output = new MemoryStream();
        var buffer = new byte[4096];
        foreach (var r in records)
        {
            var length = JournalRecordCodec.Encode(r.Sequence, r.Source, r.ReceiveNanos, r.Frame, buffer);
            Assert.True(length > 0);
            output.Write(buffer, 0, length);
        }

        return output.ToArray();
    }

    /// <summary>The delta block of <paramref name="records"/>, through <paramref name="encoder"/> (reset first).</summary>
    public static byte[] Delta(JournalDeltaEncoder encoder, IEnumerable<DeltaTestRecord> records)
    {
        encoder.Reset();
        foreach (var r in records)
        {
            encoder.Append(r.Sequence, r.Source, r.ReceiveNanos, r.Frame);
        }

        return encoder.Finish().ToArray();
    }
}
