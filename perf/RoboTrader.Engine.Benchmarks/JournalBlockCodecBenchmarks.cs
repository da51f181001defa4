using System.Text;
using BenchmarkDotNet.Attributes;
using RoboTrader.Engine.Journal;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>
/// The input journal's block codecs per record, on LEAN-like tick rows (trades and alternating bid-only / ask-only
/// quote rows of four symbols, interleaved as the merged LEAN source publishes them, one receive stamp per batch of
/// 64): the plain MessagePack records, the delta block (<see cref="JournalDeltaEncoder"/>, what ingest does per frame with
/// <c>--journal-compression delta</c>), the plain block Brotli-compressed, and decoding a delta block back to the plain
/// block (recovery and export). Bytes per record of each kind are printed at setup ("bytes/record").
/// </summary>
[MemoryDiagnoser]
public class JournalBlockCodecBenchmarks
{
    private const int Records = 4096;

    private readonly byte[][] _frames = new byte[Records][];
    private readonly int[] _sources = new int[Records];
    private readonly JournalDeltaEncoder _encoder = new();
    private readonly byte[] _plain = new byte[Records * 128];
    private readonly byte[] _compressed = new byte[Records * 128];
    private byte[] _delta = [];
    private byte[] _scratch = [];
    private int _plainLength;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2013);
        var time = 34_200_000L;
        var prices = new long[] { 166_500, 140_100, 1_848_300, 1_689_500 };
        for (var i = 0; i < Records; i++)
        {
            time += random.Next(4) == 0 ? random.Next(1, 30) : 0;
            var symbol = random.Next(4);
            prices[symbol] += random.Next(-1, 2) * 100;
            var size = random.Next(1, 10) * 100;
            var kind = symbol == 3 ? 0 : random.Next(3); // SPY: trades only
            _sources[i] = (symbol * 2) + (kind == 0 ? 0 : 1);
            _frames[i] = Encoding.ASCII.GetBytes(kind switch
            {
                0 => $"{time},{prices[symbol]},{size},P,0,0",
                1 => $"{time},{prices[symbol] - 100},{size},0,0,P,1,0",
                _ => $"{time},0,0,{prices[symbol] + 100},{size},P,1,0",
            });
        }

        _plainLength = Plain();
        _delta = Delta().ToArray();
        var brotli = Brotli();
        Console.WriteLine($"// bytes/record: plain {(double)_plainLength / Records:F2}, delta {(double)_delta.Length / Records:F2}, brotli {(double)brotli / Records:F2}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public int Plain()
    {
        var length = 0;
        for (var i = 0; i < Records; i++)
        {
            length += JournalRecordCodec.Encode(1_000_000 + i, _sources[i], Receive(i), _frames[i], _plain.AsSpan(length));
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int DeltaEncode() => Delta().Length;

    [Benchmark(OperationsPerInvoke = Records)]
    public int PlainThenBrotli() => Brotli();

    [Benchmark(OperationsPerInvoke = Records)]
    public int DeltaDecode() => JournalBlock.Records(_delta, ref _scratch, 0).Length;

    private static long Receive(int i) => 5_000_000_000_000 + (i / 64 * 20_000);

    private ReadOnlySpan<byte> Delta()
    {
        var encoder = _encoder;
        encoder.Reset();
        for (var i = 0; i < Records; i++)
        {
            encoder.Append(1_000_000 + i, _sources[i], Receive(i), _frames[i]);
        }

        return encoder.Finish();
    }

    private int Brotli() => JournalBlock.Compress(_plain.AsSpan(0, Plain()), _compressed);
}
