using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>Reads trades.csv (<see cref="Columns"/>), checking each row and that positions add up.</summary>
public static class TradesCsv
{
    /// <summary>The file name in an output folder.</summary>
    public const string FileName = "trades.csv";

    /// <summary>The columns the report reads (the header may hold more).</summary>
    public static readonly string[] Columns =
        ["seq", "time", "symbol", "side", "qty", "price", "fee", "order_id", "order_type", "limit_price", "stop_price", "position", "realized_pnl"];

    /// <summary>Reads every fill, in file order.</summary>
    /// <exception cref="Core.Errors.EngineException">A malformed row (named by file, line and column), or a position that is not the previous position of its symbol plus the fill.</exception>
    public static List<TradeRecord> Read(string path)
    {
        using var csv = new CsvFile(path, Columns);
        var trades = new List<TradeRecord>();
        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (csv.MoveNext())
        {
            var sideText = csv.Text(3);
            var side = sideText switch
            {
                "BUY" => Side.Buy,
                "SELL" => Side.Sell,
                _ => throw csv.Error(3, $"'{sideText}' is not BUY or SELL"),
            };
            var quantity = csv.Decimal(4);
            if (quantity <= 0)
            {
                throw csv.Error(4, $"'{csv.Text(4)}' is not a positive quantity");
            }

            var fee = csv.Decimal(6);
            var trade = new TradeRecord(
                csv.Line,
                csv.Integer(0),
                csv.Time(1),
                csv.RequiredText(2),
                side,
                quantity,
                csv.Decimal(5),
                fee,
                csv.Text(7),
                csv.Text(8),
                csv.OptionalDecimal(9),
                csv.OptionalDecimal(10),
                csv.Decimal(11),
                csv.Decimal(12));
            var before = positions.GetValueOrDefault(trade.Symbol);
            if (before + trade.SignedQuantity != trade.Position)
            {
                throw csv.Error(11, $"position {trade.Position} is not the previous position of {trade.Symbol} ({before}) {(side == Side.Buy ? "+" : "-")} {quantity}");
            }

            positions[trade.Symbol] = trade.Position;
            trades.Add(trade);
        }

        return trades;
    }
}
