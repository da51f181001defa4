using System.Buffers.Text;
using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Time;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes fills as CSV rows <c>seq,time,symbol,side,qty,price,fee</c> (side BUY or SELL, qty positive, exact
/// decimals, time ISO 8601 UTC) through a <see cref="CsvFile"/>, formatting into a reused buffer: no allocation per row.
/// </summary>
public sealed class FillsCsvWriter : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "seq,time,symbol,side,qty,price,fee";

    private static readonly byte[] s_buy = "BUY"u8.ToArray();
    private static readonly byte[] s_sell = "SELL"u8.ToArray();

    private readonly byte[][] _tickers;
    private readonly byte[] _row = new byte[512];

    /// <summary>Creates the writer over <paramref name="stream"/> and writes the header (unless the stream has content: a resume).</summary>
    public FillsCsvWriter(Stream stream, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        File = new CsvFile(stream, Header);
        _tickers = symbols.Tickers.Select(Encoding.ASCII.GetBytes).ToArray();
    }

    /// <summary>The file (rows, flushing, checkpoint length, resume).</summary>
    public CsvFile File { get; }

    /// <summary>Rows written.</summary>
    public long Rows => File.Rows;

    /// <summary>Appends one row.</summary>
    public void Write(in Fill fill)
    {
        Span<byte> row = _row;
        var n = 0;
        Utf8Formatter.TryFormat(fill.Sequence, row, out var w);
        n += w;
        row[n++] = (byte)',';
        n += EventTime.WriteIso(fill.TimeNanos, row[n..]);
        row[n++] = (byte)',';
        var ticker = _tickers[fill.Symbol.Value];
        ticker.CopyTo(row[n..]);
        n += ticker.Length;
        row[n++] = (byte)',';
        var side = fill.Side == Side.Buy ? s_buy : s_sell;
        side.CopyTo(row[n..]);
        n += side.Length;
        row[n++] = (byte)',';
        n += FixedPoint.FormatUtf8(fill.Quantity.Raw, row[n..]);
        row[n++] = (byte)',';
        n += FixedPoint.FormatUtf8(fill.Price.Raw, row[n..]);
        row[n++] = (byte)',';
        n += FixedPoint.FormatUtf8(fill.Fee.Raw, row[n..]);
        row[n++] = (byte)'\n';
        File.Write(row[..n]);
    }

    /// <summary>Flushes buffered rows to the file.</summary>
    public void Flush() => File.Flush();

    /// <summary>Flushes to the disk (fsync) and returns the file's length: what a checkpoint records.</summary>
    public long FlushDurable() => File.FlushDurable();

    /// <summary>
    /// Resumes after a checkpoint: cuts the file back to <paramref name="length"/> (dropping what was written after
    /// the checkpoint) and continues there with <paramref name="count"/> items written.
    /// </summary>
    public void Resume(long length, long count) => File.Resume(length, count);

    /// <inheritdoc />
    public void Dispose() => File.Dispose();
}
