namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>Everything the report is computed from, read from a run's output folder.</summary>
/// <param name="Trades">trades.csv, in file order.</param>
/// <param name="Equity">equity.csv, in time order.</param>
/// <param name="Breaches">breaches.csv (empty when the file is absent).</param>
/// <param name="Run">summary.json's facts (<see cref="RunFacts.None"/> when absent).</param>
public sealed record ReportInputs(
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<EquitySample> Equity,
    IReadOnlyList<BreachRecord> Breaches,
    RunFacts Run)
{
    /// <summary>Reads the inputs from <paramref name="outputDirectory"/>; trades.csv and equity.csv must exist.</summary>
    /// <exception cref="Core.Errors.EngineException">A missing or malformed file.</exception>
    public static ReportInputs Read(string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        foreach (var name in (ReadOnlySpan<string>)[TradesCsv.FileName, EquityCsv.FileName])
        {
            if (!File.Exists(Path.Combine(outputDirectory, name)))
            {
                throw new Core.Errors.EngineException(
                    Core.Errors.ErrorCode.PersistenceCorrupt,
                    $"the report needs {name} in '{Path.GetFullPath(outputDirectory)}', and it is not there (written by the backtest)");
            }
        }

        return new ReportInputs(
            TradesCsv.Read(Path.Combine(outputDirectory, TradesCsv.FileName)),
            EquityCsv.Read(Path.Combine(outputDirectory, EquityCsv.FileName)),
            BreachesCsv.Read(Path.Combine(outputDirectory, BreachesCsv.FileName)),
            RunFacts.Read(Path.Combine(outputDirectory, RunFacts.FileName)));
    }
}
