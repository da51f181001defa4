using System.CommandLine;
using System.Text.Json.Nodes;
using RoboTrader.Cli.Commands;
using RoboTrader.Cli.Config;
using RoboTrader.TestSupport;

namespace RoboTrader.Cli.Tests;

/// <summary><c>--config FILE</c>: YAML sections of command-line options; the command line wins; every error names the file, line and section.key.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ConfigFileTests() => Directory.CreateDirectory(_temp.Combine("data", "equity", "usa")); // a LEAN root without files: no events

    public void Dispose() => _temp.Dispose();

    private static string Example => Path.Combine(SharedData.RepositoryRoot, "config", "example.yaml");

    private string Write(string yaml)
    {
        var path = _temp.Combine($"config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private CliRunner.Outcome Backtest(string config, params string[] extra)
        => CliRunner.Run(["backtest", "--config", config, "--data", _temp.Combine("data"), "--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-07", .. extra]);

    private JsonObject Parameters(string outDir) => JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!["parameters"]!.AsObject();

    [Fact]
    public void ExampleFile_LoadsEverySection_AndExpandsToOptions()
    {
        var root = new RootCommand { BacktestCommand.Create(TextWriter.Null) };

        var args = ConfigFile.Expand(root, ["backtest", "--config", Example, "--data", "d", "--out", "o"], out var config);

        Assert.NotNull(config);
        Assert.Equal(["data", "strategy", "execution", "risk", "pipeline"], config.Entries.Select(e => e.Section).Distinct());
        Assert.Contains(new ConfigEntry("data", "symbols", "bac,ibm", 4), config.Entries);
        Assert.Contains(new ConfigEntry("risk", "daily-loss-limit", "2500", 23), config.Entries);
        var tail = string.Join(' ', args[7..]);
        Assert.Contains("--symbols bac,ibm --from 2013-10-07", tail, StringComparison.Ordinal);
        Assert.Contains("--max-position 500 --price-band-pct 10 --max-order-notional 25000", tail, StringComparison.Ordinal);
        Assert.Contains("--crossed-quote-guard true", tail, StringComparison.Ordinal);
    }

    [LeanDataFact]
    public void ExampleFile_RunsTheBacktestOnRealData()
    {
        var outDir = _temp.Combine("example");

        var result = CliRunner.Run("backtest", "--config", Example, "--data", SharedData.LeanDataRoot!, "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var parameters = Parameters(outDir);
        Assert.Equal("BAC,IBM", (string?)parameters["symbols"]);
        Assert.Equal("2013-10-08", (string?)parameters["to"]);
        Assert.Equal("1", (string?)parameters["fee_bps"]);
        Assert.Equal("25000", (string?)parameters["max_order_notional"]);
        Assert.Equal("5m", (string?)parameters["stale_after"]);
        Assert.True(File.Exists(Path.Combine(outDir, "breaches.csv")));
    }

    [Fact]
    public void GoodFile_ValuesReachTheRun()
    {
        var outDir = _temp.Combine("good");
        var config = Write("strategy:\n  fast: 5\n  qty: 10\nrisk:\n  max-order-notional: 100\n  daily-loss-action: reducing\noutput:\n  out: " + outDir + "\n");

        var result = Backtest(config);

        Assert.True(result.ExitCode == 0, result.Error);
        var parameters = Parameters(outDir);
        Assert.Equal("5", (string?)parameters["fast"]);
        Assert.Equal("10", (string?)parameters["qty"]);
        Assert.Equal("100", (string?)parameters["max_order_notional"]);
        Assert.Equal("reducing", (string?)parameters["daily_loss_action"]);
    }

    [Fact]
    public void CommandLine_WinsOverTheFile()
    {
        // The file's band would be refused and its notional differs: the command line's values are the ones used.
        var outDir = _temp.Combine("override");
        var config = Write("risk:\n  price-band-pct: 500\n  max-order-notional: 100\n");

        var result = Backtest(config, "--price-band-pct", "5", "--max-order-notional", "200", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("200", (string?)Parameters(outDir)["max_order_notional"]);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "risk:\n  max-position: 500\n  bogus: 1\n", "line 3: risk.bogus is not an option (see robotrader backtest --help)" },
        { "risk:\n  max-position: abc\n", "line 2: risk.max-position 'abc' is not a non-negative decimal number with at most 8 decimals" },
        { "risk:\n  max-position: 500\n   daily-loss-limit: 5\n", "line 3: malformed YAML: While scanning a plain scalar value, found invalid mapping." },
        { "risks:\n  max-position: 5\n", "line 1: unknown section 'risks' (sections: data, strategy, execution, risk, pipeline, output)" },
        { "risk:\n  fast: 5\n", "line 2: risk.fast belongs in section strategy (strategy.fast)" },
        { "data:\n  input: x.jsonl\n", "line 2: data.input is not an option of backtest" },
        { "strategy:\n  fast: ten\n", "line 2: Cannot parse argument 'ten' for option 'strategy.fast' as expected type 'System.Int32'." },
        { "risk:\n  kill-switch: maybe\n", "line 2: risk.kill-switch 'maybe' is not true or false" },
        { "risk:\n  max-drawdown-pct: 100\n", "line 2: risk.max-drawdown-pct must be 0 (off) or above 0 and below 100 (got 100)" },
        { "risk:\n  daily-loss-action: sideways\n", "line 2: risk.daily-loss-action 'sideways' is not reducing or halted" },
        { "risk:\n  max-position:\n", "line 2: risk.max-position needs a value (a scalar, or a list of scalars)" },
        { "risk: [1, 2]\n", "line 1: section risk must be a mapping of option: value" },
        { "risk: {max-position: 5, max-position: 6}\n", "line 1: malformed YAML: Duplicate key max-position" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_StopsWithTheExactMessage(string yaml, string expected)
    {
        var config = Write(yaml);

        var result = Backtest(config, "--out", _temp.Combine("bad"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: config {config} {expected}{Environment.NewLine}", result.Error);
        Assert.False(File.Exists(_temp.Combine("bad", "summary.json")));
    }

    [Fact]
    public void MissingFile_IsAUsageError()
    {
        var result = Backtest(_temp.Combine("nope.yaml"), "--out", _temp.Combine("o"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --config '{_temp.Combine("nope.yaml")}' does not exist{Environment.NewLine}", result.Error);
    }

    [Fact]
    public void Sections_EveryOptionOfTheSharedCommandsHasOne()
    {
        // A new option of backtest, replay or demo needs its one line in ConfigSections to work from a file.
        foreach (var command in new[] { BacktestCommand.Create(TextWriter.Null), ReplayCommand.Create(TextWriter.Null), DemoCommand.Create(TextWriter.Null) })
        {
            foreach (var option in command.Options.Where(o => o.Name is not ("--config" or "--help" or "--version")))
            {
                Assert.True(ConfigSections.OfOption.ContainsKey(option.Name[2..]), $"{command.Name} {option.Name} has no config section");
            }
        }
    }

    [Theory]
    [InlineData("--daily-loss-action", "sideways", "--daily-loss-action 'sideways' is not reducing or halted")]
    [InlineData("--order-burst", "3", "--order-burst applies with --order-rate")]
    [InlineData("--max-gross-exposure", "-5", "--max-gross-exposure '-5' is not a non-negative decimal number with at most 8 decimals")]
    [InlineData("--stale-after", "0s", "--stale-after '0s' is not a positive duration (e.g. 90s, 30m, 2h, 1d)")]
    [InlineData("--max-portfolio-risk-pct", "1001", "max-portfolio-risk-pct must be 0 (off) or a percent above 0 and at most 1000 (got 1001)")]
    public void RiskOptions_BadValuesOnTheCommandLine(string option, string value, string expected)
    {
        var result = CliRunner.Run("backtest", "--data", _temp.Combine("data"), "--symbols", "bac", "--from", "2013-10-07", "--to", "2013-10-07", "--out", _temp.Combine("o"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {expected}{Environment.NewLine}", result.Error);
    }
}
