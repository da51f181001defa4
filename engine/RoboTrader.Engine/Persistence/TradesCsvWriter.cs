using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes <c>trades.csv</c>, one row per fill: <c>seq,time,symbol,side,qty,price,fee,order_id,order_type,limit_price,
/// stop_price,position,realized_pnl</c> — limit and stop prices empty where the order type has none, <c>position</c>
/// the symbol's signed position after the fill, <c>realized_pnl</c> the PnL this fill realized (before fees).
/// </summary>
public sealed class TradesCsvWriter : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "seq,time,symbol,side,qty,price,fee,order_id,order_type,limit_price,stop_price,position,realized_pnl";

    private readonly CsvFile _file;
    private readonly SymbolTable _symbols;
    private readonly byte[] _row = new byte[512];

    /// <summary>Creates the writer over <paramref name="stream"/>.</summary>
    public TradesCsvWriter(Stream stream, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _file = new CsvFile(stream, Header);
        _symbols = symbols;
    }

    /// <summary>The file.</summary>
    public CsvFile File => _file;

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
        row.Integer(fill.OrderId.Value);
        row.Text(OrderText.Type(fill.OrderType));
        row.DecimalOrEmpty(fill.OrderType is OrderType.Limit or OrderType.StopLimit, fill.LimitPrice.Raw);
        row.DecimalOrEmpty(fill.OrderType is OrderType.Stop or OrderType.StopLimit, fill.StopPrice.Raw);
        row.Decimal(fill.PositionAfter.Raw);
        row.Decimal(fill.RealizedPnl.Raw);
        row.End();
        _file.Write(row.Written);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
