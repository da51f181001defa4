using System.CommandLine;
using System.Globalization;
using RoboTrader.Engine.Reporting;

namespace RoboTrader.Cli.Commands;

/// <summary>The report options shared by <c>backtest --report</c> and <c>report</c>.</summary>
internal sealed class ReportSettings
{
    private readonly Option<string> _riskFreeRate = new("--risk-free-rate") { Description = "annual risk-free rate for Sharpe and Sortino, as a fraction (0.02 = 2%); default 0" };

    public void AddTo(Command command) => command.Options.Add(_riskFreeRate);

    /// <summary>True when a report option was given on the command line.</summary>
    public bool AnyGiven(ParseResult parse) => parse.GetValue(_riskFreeRate) is not null;

    public ReportOptions ToOptions(ParseResult parse)
    {
        var text = parse.GetValue(_riskFreeRate);
        if (text is null)
        {
            return ReportOptions.Default;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= -1 || rate > 1)
        {
            throw new UsageException($"--risk-free-rate '{text}' is not an annual fraction above -1 and at most 1 (0.02 = 2%)");
        }

        return ReportOptions.Default with { RiskFreeRate = rate };
    }

    /// <summary>Writes stats.json and report.html into <paramref name="outDir"/> and says so.</summary>
    public static void Write(TextWriter output, string outDir, ReportOptions options)
    {
        var stats = BacktestReport.Write(outDir, options);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"total_return {Html(stats.TotalReturn)}  sharpe {Html(stats.Sharpe)}  max_drawdown {Html(stats.MaxDrawdown)}  trades {stats.Trades}  fees {StatsJson.Money(stats.Fees)}"));
        output.WriteLine($"wrote {Path.Combine(outDir, BacktestReport.HtmlFileName)} and {Path.Combine(outDir, StatsJson.FileName)}");
    }

    private static string Html(double? value) => value is { } v && double.IsFinite(v) ? StatsJson.Round(v).ToString("G6", CultureInfo.InvariantCulture) : "n/a";
}
