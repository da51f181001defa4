using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes fills as CSV rows <c>seq,time,symbol,side,qty,price,fee</c> (side BUY or SELL, qty positive, exact
/// decimals, time ISO 8601 UTC) through a <see cref="CsvFile"/>, formatting into a reused buffer: no allocation per row.
/// </summary>
public sealed class FillsCsvWriter : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "seq,time,symbol,side,qty,price,fee";

    private readonly SymbolTable _symbols;
    private readonly byte[] _row = new byte[512];

    /// <summary>Creates the writer over <paramref name="stream"/> and writes the header (unless the stream has content: a resume).</summary>
    public FillsCsvWriter(Stream stream, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        File = new CsvFile(stream, Header);
        _symbols = symbols;
    }

    /// <summary>The file (rows, flushing, checkpoint length, resume).</summary>
    public CsvFile File { get; }

    /// <summary>Rows written.</summary>
    public long Rows => File.Rows;

    /// <summary>Appends one row.</summary>
    public void Write(in Fill fill)
    {
        var row = new CsvRow(_row);
        row.Integer(fill.Sequence);
        row.Time(fill.TimeNanos);
        row.Text(_symbols.Ascii(fill.Symbol));
        row.Text(OrderText.Side(fill.Side));
        row.Decimal(fill.Quantity.Raw);
        row.Decimal(fill.Price.Raw);
        row.Decimal(fill.Fee.Raw);
        row.End();
        File.Write(row.Written);
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
