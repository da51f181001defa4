using System.Buffers.Text;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.PerfTests;

/// <summary>
/// One synthetic trading session of LEAN tick rows for several symbols, generated in memory (seeded, so every run
/// replays the same bytes): trades and quotes interleaved in time order at the real data's mix (about 23 % trades,
/// 77 % quotes, as in ../shared/data/lean), one-sided quotes as LEAN writes them, a random walk per symbol. Held as
/// one contiguous byte array so that replaying it costs the producer a copy per frame and nothing else.
/// </summary>
/// <remarks>
/// Not <c>LeanDataGenerator</c> (the <c>generate</c> and <c>demo</c> commands): that one writes zip files to a folder
/// with as many trades as quotes, and reading them back would put inflating and merging on the measured path. The row
/// shapes are the same: <c>ms,price,size,exchange,condition,suspicious</c> and
/// <c>ms,bid,bidsize,ask,asksize,exchange,condition,suspicious</c>, prices in 1/10000 dollars.
/// </remarks>
public sealed class ReplayFrames
{
    /// <summary>Tickers of the generated symbols (symbol ids 0..3 in this order).</summary>
    public static IReadOnlyList<string> Tickers { get; } = ["AAA", "BBB", "CCC", "DDD"];

    private const int SessionOpenMs = ((9 * 60) + 30) * 60 * 1000;
    private const int SessionCloseMs = 16 * 60 * 60 * 1000;
    private const long Cent = 100;

    // Share of each symbol's events (of 100), uneven like the real data (BAC and SPY dominate it).
    private static readonly int[] s_weights = [40, 30, 20, 10];

    private readonly byte[] _bytes;
    private readonly int[] _ends;
    private readonly byte[] _streams;

    private ReplayFrames(byte[] bytes, int[] ends, byte[] streams, int trades)
    {
        _bytes = bytes;
        _ends = ends;
        _streams = streams;
        Trades = trades;
    }

    /// <summary>Number of frames in the session.</summary>
    public int Count => _ends.Length;

    /// <summary>Number of trade rows among them.</summary>
    public int Trades { get; }

    /// <summary>Total bytes of the frames.</summary>
    public int Bytes => _bytes.Length;

    /// <summary>Streams a frame may belong to: one per symbol and kind (trade 2s, quote 2s + 1).</summary>
    public static int StreamCount => Tickers.Count * 2;

    /// <summary>The format of stream <paramref name="stream"/>.</summary>
    public static FrameFormat FormatOf(int stream) => (stream & 1) == 0 ? FrameFormat.LeanTradeTick : FrameFormat.LeanQuoteTick;

    /// <summary>The symbol of stream <paramref name="stream"/>.</summary>
    public static int SymbolOf(int stream) => stream >> 1;

    /// <summary>Frame <paramref name="index"/>'s bytes.</summary>
    public ReadOnlySpan<byte> Frame(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return new ReadOnlySpan<byte>(_bytes, start, _ends[index] - start);
    }

    /// <summary>The stream (symbol and kind) of frame <paramref name="index"/>.</summary>
    public int StreamOf(int index) => _streams[index];

    /// <summary>Generates <paramref name="count"/> frames spread over one session (09:30 to 16:00), strictly increasing in time.</summary>
    public static ReplayFrames Generate(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (SessionCloseMs - SessionOpenMs) / 2);
        var bytes = new byte[count * 48];
        var ends = new int[count];
        var streams = new byte[count];
        var mids = new long[Tickers.Count];
        var state = seed | 1;
        for (var s = 0; s < mids.Length; s++)
        {
            mids[s] = (20 + (long)(Next(ref state) % 281)) * 10_000; // $20..$300
        }

        var meanGap = (SessionCloseMs - SessionOpenMs) / count; // at least 2: times stay strictly increasing
        long time = SessionOpenMs;
        var length = 0;
        var trades = 0;
        for (var i = 0; i < count; i++)
        {
            time += 1 + (long)(Next(ref state) % (ulong)((2 * meanGap) - 1));
            time = Math.Min(time, SessionCloseMs - count + i); // never past the close, never equal
            var symbol = PickSymbol(Next(ref state) % 100);
            var r = Next(ref state);
            mids[symbol] = Math.Max(100 * Cent, mids[symbol] + (((long)(r % 5) - 2) * Cent));
            var mid = mids[symbol];
            var exchange = (byte)"PQNTZKBJ"[(int)((r >> 8) % 8)];
            var line = bytes.AsSpan(length);
            int n;
            if ((r >> 16) % 100 < 23)
            {
                var price = mid + (((long)((r >> 24) % 3) - 1) * (Cent / 2));
                var size = 100 * (1 + (long)((r >> 32) % 10));
                n = Row(line, time, price, size, exchange, (r >> 40) % 4 == 0 ? 2000 : 0);
                streams[i] = (byte)(2 * symbol);
                trades++;
            }
            else
            {
                var half = Cent * (1 + (long)((r >> 24) % 2));
                long bid = mid - half, bidSize = 100 * (1 + (long)((r >> 32) % 50));
                long ask = mid + half, askSize = 100 * (1 + (long)((r >> 40) % 50));
                switch ((r >> 48) % 10)
                {
                    case 0:
                        bid = bidSize = 0; // one side absent, as in LEAN's quote ticks
                        break;
                    case 1:
                        ask = askSize = 0;
                        break;
                }

                n = Row(line, time, bid, bidSize, exchange, 1, ask, askSize);
                streams[i] = (byte)((2 * symbol) + 1);
            }

            length += n;
            ends[i] = length;
        }

        return new ReplayFrames(bytes.AsSpan(0, length).ToArray(), ends, streams, trades);
    }

    private static int PickSymbol(ulong percent)
    {
        var symbol = 0;
        for (var acc = s_weights[0]; (int)percent >= acc; acc += s_weights[++symbol])
        {
        }

        return symbol;
    }

    // ms,price,size,exchange,condition,0
    private static int Row(Span<byte> line, long ms, long price, long size, byte exchange, long condition)
    {
        var n = Number(line, 0, ms);
        n = Number(line, n, price);
        n = Number(line, n, size);
        line[n++] = exchange;
        line[n++] = (byte)',';
        n = Number(line, n, condition);
        line[n++] = (byte)'0';
        return n;
    }

    // ms,bid,bidsize,ask,asksize,exchange,condition,0
    private static int Row(Span<byte> line, long ms, long bid, long bidSize, byte exchange, long condition, long ask, long askSize)
    {
        var n = Number(line, 0, ms);
        n = Number(line, n, bid);
        n = Number(line, n, bidSize);
        n = Number(line, n, ask);
        n = Number(line, n, askSize);
        line[n++] = exchange;
        line[n++] = (byte)',';
        n = Number(line, n, condition);
        line[n++] = (byte)'0';
        return n;
    }

    private static int Number(Span<byte> line, int at, long value)
    {
        Utf8Formatter.TryFormat(value, line[at..], out var written);
        line[at + written] = (byte)',';
        return at + written + 1;
    }

    private static ulong Next(ref ulong state)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
}
