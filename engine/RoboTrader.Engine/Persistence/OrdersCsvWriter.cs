using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes <c>orders.csv</c>, one row per order transition: <c>seq,time,order_id,symbol,side,type,tif,qty,limit_price,
/// stop_price,status,filled_qty,reason</c> — <c>qty</c> the order's total quantity after the transition, limit and stop
/// prices empty where the type has none, <c>reason</c> the <see cref="Core.Errors.ErrorCode"/> name (empty for an
/// ordinary transition).
/// </summary>
public sealed class OrdersCsvWriter : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "seq,time,order_id,symbol,side,type,tif,qty,limit_price,stop_price,status,filled_qty,reason";

    private readonly CsvFile _file;
    private readonly SymbolTable _symbols;
    private readonly byte[] _row = new byte[512];

    /// <summary>Creates the writer over <paramref name="stream"/>.</summary>
    public OrdersCsvWriter(Stream stream, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _file = new CsvFile(stream, Header);
        _symbols = symbols;
    }

    /// <summary>The file.</summary>
    public CsvFile File => _file;

    /// <summary>Appends one row.</summary>
    public void Write(in OrderEvent e)
    {
        var row = new CsvRow(_row);
        row.Integer(e.Sequence);
        row.Time(e.TimeNanos);
        row.Integer(e.OrderId.Value);
        row.Text(_symbols.Ascii(e.Symbol));
        row.Text(OrderText.Side(e.Side));
        row.Text(OrderText.Type(e.Type));
        row.Text(OrderText.TimeInForce(e.TimeInForce));
        row.Decimal(e.Quantity.Raw);
        row.DecimalOrEmpty(e.Type is OrderType.Limit or OrderType.StopLimit, e.LimitPrice.Raw);
        row.DecimalOrEmpty(e.Type is OrderType.Stop or OrderType.StopLimit, e.StopPrice.Raw);
        row.Text(OrderText.Status(e.Status));
        row.Decimal(e.Filled.Raw);
        row.Text(OrderText.Reason(e.Reason));
        row.End();
        _file.Write(row.Written);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
