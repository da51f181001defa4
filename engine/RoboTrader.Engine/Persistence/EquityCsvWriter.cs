using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes <c>equity.csv</c>, the equity curve in event time: <c>time,equity,cash,gross_exposure,net_exposure,
/// realized_pnl,unrealized_pnl,fees</c> (time ISO 8601 UTC, exact decimals).
/// </summary>
public sealed class EquityCsvWriter : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "time,equity,cash,gross_exposure,net_exposure,realized_pnl,unrealized_pnl,fees";

    private readonly CsvFile _file;
    private readonly byte[] _row = new byte[512];

    /// <summary>Creates the writer over <paramref name="stream"/>.</summary>
    public EquityCsvWriter(Stream stream) => _file = new CsvFile(stream, Header);

    /// <summary>The file.</summary>
    public CsvFile File => _file;

    /// <summary>Appends one row.</summary>
    public void Write(in EquitySample sample)
    {
        var row = new CsvRow(_row);
        row.Time(sample.TimeNanos);
        row.Decimal(sample.Equity.Raw);
        row.Decimal(sample.Cash.Raw);
        row.Decimal(sample.GrossExposure.Raw);
        row.Decimal(sample.NetExposure.Raw);
        row.Decimal(sample.RealizedPnl.Raw);
        row.Decimal(sample.UnrealizedPnl.Raw);
        row.Decimal(sample.Fees.Raw);
        row.End();
        _file.Write(row.Written);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
