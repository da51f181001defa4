namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>Reads equity.csv (<see cref="Columns"/>): samples in non-decreasing time order.</summary>
public static class EquityCsv
{
    /// <summary>The file name in an output folder.</summary>
    public const string FileName = "equity.csv";

    /// <summary>The columns the report reads (the header may hold more).</summary>
    public static readonly string[] Columns =
        ["time", "equity", "cash", "gross_exposure", "net_exposure", "realized_pnl", "unrealized_pnl", "fees"];

    /// <summary>Reads every sample, in file order.</summary>
    /// <exception cref="Core.Errors.EngineException">A malformed row (named by file, line and column), a negative gross exposure, or a time before the previous sample's.</exception>
    public static List<EquitySample> Read(string path)
    {
        using var csv = new CsvFile(path, Columns);
        var samples = new List<EquitySample>();
        while (csv.MoveNext())
        {
            var sample = new EquitySample(
                csv.Time(0),
                csv.Decimal(1),
                csv.Decimal(2),
                csv.Decimal(3),
                csv.Decimal(4),
                csv.Decimal(5),
                csv.Decimal(6),
                csv.Decimal(7));
            if (sample.GrossExposure < 0)
            {
                throw csv.Error(3, $"gross exposure {sample.GrossExposure} is negative");
            }

            if (samples.Count > 0 && sample.TimeNanos < samples[^1].TimeNanos)
            {
                throw csv.Error(0, $"'{csv.Text(0)}' is before the previous sample's time: samples must be in time order");
            }

            samples.Add(sample);
        }

        return samples;
    }
}
