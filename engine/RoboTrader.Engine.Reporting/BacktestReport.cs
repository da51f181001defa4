using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Reporting.Html;
using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Statistics;

namespace RoboTrader.Engine.Reporting;

/// <summary>
/// The report of a finished backtest: reads its output folder (trades.csv, equity.csv, breaches.csv, summary.json)
/// and writes stats.json and report.html there. Both are a pure function of those files and the options: the same
/// inputs give byte-identical outputs.
/// </summary>
public static class BacktestReport
{
    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>Reads the inputs from <paramref name="outputDirectory"/>, writes stats.json and report.html there, returns the statistics.</summary>
    /// <exception cref="EngineException">Bad options (<see cref="ErrorCode.ConfigurationInvalid"/>), a missing or malformed input (<see cref="ErrorCode.PersistenceCorrupt"/>, naming the file, line and column), or an unwritable folder.</exception>
    public static ReportStatistics Write(string outputDirectory, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var inputs = ReportInputs.Read(outputDirectory);
        ReportStatistics stats;
        try
        {
            stats = StatisticsCalculator.Compute(inputs, options);
        }
        catch (OverflowException ex)
        {
            // Only a file of absurd figures (every value is at most 10^14, but totals of millions of them are not bounded).
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"the output files in '{outputDirectory}' hold figures too large to total exactly: {ex.Message}", ex);
        }

        var html = ReportHtml.Render(inputs, stats, options);
        using var json = new MemoryStream();
        StatsJson.Write(stats, json);
        WriteAtomically(Path.Combine(outputDirectory, StatsJson.FileName), json.ToArray());
        WriteAtomically(Path.Combine(outputDirectory, HtmlFileName), new UTF8Encoding(false).GetBytes(html));
        return stats;
    }

    // Written beside and renamed over: a reader never sees half a report, and a failed run leaves the old one whole.
    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"cannot write '{path}': {ex.Message}", ex);
        }
    }
}
