using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Ingest;
using RoboTrader.TestSupport;
using Xunit.Abstractions;

namespace RoboTrader.Adapters.Lean.Tests;

public sealed class LeanDataGeneratorTests(ITestOutputHelper output)
{
    // SHA-256 of the CSVs for seed 2013: a change here means generated data (and the demo) changed everywhere.
    private const string PinnedDigest = "6f35b9cdb48b6c2c776fd6b256e88b0e2ea25d1de613477145cbc0fd57c1069a";

    private static readonly DateOnly s_friday = new(2013, 10, 4);
    private static readonly DateOnly s_tuesday = new(2013, 10, 8);

    [Fact]
    public void Generate_SameSeed_WritesByteIdenticalZips()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var options = Options(seed: 42, ticksPerDay: 3000);

        var filesA = new LeanDataGenerator(options).Generate(a.Path);
        var filesB = new LeanDataGenerator(options).Generate(b.Path);

        Assert.Equal(filesA, filesB);
        Assert.All(filesA, f => Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, f)), File.ReadAllBytes(Path.Combine(b.Path, f))));
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentData()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();

        var files = new LeanDataGenerator(Options(seed: 1, ticksPerDay: 500)).Generate(a.Path);
        new LeanDataGenerator(Options(seed: 2, ticksPerDay: 500)).Generate(b.Path);

        Assert.All(files, f => Assert.NotEqual(ReadCsv(Path.Combine(a.Path, f)), ReadCsv(Path.Combine(b.Path, f))));
    }

    [Fact]
    public void Generate_PinnedSeed_WritesTheSameCsvOnEveryMachine()
    {
        using var temp = new TempDirectory();
        var files = new LeanDataGenerator(Options(seed: 2013, ticksPerDay: 200)).Generate(temp.Path);

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.ASCII.GetBytes(file + "\n" + ReadCsv(Path.Combine(temp.Path, file)) + "\n"));
        }

        var digest = Convert.ToHexStringLower(sha.GetHashAndReset());
        output.WriteLine(digest);
        Assert.Equal(PinnedDigest, digest);
    }

    [Fact]
    public void Generate_FridayToTuesday_WritesWeekdaysOnlyWithLeanNames()
    {
        using var temp = new TempDirectory();

        var files = new LeanDataGenerator(Options(seed: 3, ticksPerDay: 100)).Generate(temp.Path);

        Assert.Equal(
            [
                "equity/usa/tick/bac/20131004_trade.zip", "equity/usa/tick/bac/20131004_quote.zip",
                "equity/usa/tick/spy/20131004_trade.zip", "equity/usa/tick/spy/20131004_quote.zip",
                "equity/usa/tick/bac/20131007_trade.zip", "equity/usa/tick/bac/20131007_quote.zip",
                "equity/usa/tick/spy/20131007_trade.zip", "equity/usa/tick/spy/20131007_quote.zip",
                "equity/usa/tick/bac/20131008_trade.zip", "equity/usa/tick/bac/20131008_quote.zip",
                "equity/usa/tick/spy/20131008_trade.zip", "equity/usa/tick/spy/20131008_quote.zip",
                "equity/usa/minute/bac/20131004_trade.zip", "equity/usa/minute/bac/20131004_quote.zip",
                "equity/usa/minute/spy/20131004_trade.zip", "equity/usa/minute/spy/20131004_quote.zip",
                "equity/usa/minute/bac/20131007_trade.zip", "equity/usa/minute/bac/20131007_quote.zip",
                "equity/usa/minute/spy/20131007_trade.zip", "equity/usa/minute/spy/20131007_quote.zip",
                "equity/usa/minute/bac/20131008_trade.zip", "equity/usa/minute/bac/20131008_quote.zip",
                "equity/usa/minute/spy/20131008_trade.zip", "equity/usa/minute/spy/20131008_quote.zip",
            ],
            files);
        using var zip = ZipFile.OpenRead(Path.Combine(temp.Path, "equity/usa/tick/bac/20131007_quote.zip"));
        Assert.Equal("20131007_bac_Quote_Tick.csv", Assert.Single(zip.Entries).FullName);
        using var minute = ZipFile.OpenRead(Path.Combine(temp.Path, "equity/usa/minute/spy/20131008_trade.zip"));
        Assert.Equal("20131008_spy_minute_trade.csv", Assert.Single(minute.Entries).FullName);
        Assert.All(files, f => Assert.False(ReadCsv(Path.Combine(temp.Path, f)).EndsWith('\n')));
    }

    [Fact]
    public void Generate_TickData_RoundTripsThroughTheReaderWithValidRows()
    {
        using var temp = new TempDirectory();
        var files = new LeanDataGenerator(Options(seed: 5, ticksPerDay: 20_000)).Generate(temp.Path);
        var source = new LeanDataSource(temp.Path, ["spy", "bac"], s_friday, s_tuesday, LeanResolution.Tick);

        var (registry, frames) = FrameCapture.Collect(source, ringSize: 1 << 14);

        var expected = files.Where(f => f.Contains("/tick/", StringComparison.Ordinal))
            .Sum(f => ReadCsv(Path.Combine(temp.Path, f)).Split('\n').Length);
        Assert.Equal(expected, frames.Count);
        Assert.Equal(12, registry.Count);
        var lastTime = new Dictionary<SourceId, long>();
        int suspicious = 0, absentSides = 0, trades = 0;
        foreach (var frame in frames)
        {
            var f = frame.Text.Split(',');
            var time = long.Parse(f[0], CultureInfo.InvariantCulture);
            Assert.InRange(time, LeanDataGenerator.SessionOpenMs + 1, LeanDataGenerator.SessionCloseMs - 1);
            Assert.True(time > lastTime.GetValueOrDefault(frame.Source), "times strictly increase within a file");
            lastTime[frame.Source] = time;
            if (registry[frame.Source].Format == FrameFormat.LeanTradeTick)
            {
                trades++;
                Assert.Equal(6, f.Length);
                Assert.True(long.Parse(f[1], CultureInfo.InvariantCulture) > 0);
                Assert.True(long.Parse(f[2], CultureInfo.InvariantCulture) > 0);
            }
            else
            {
                Assert.Equal(8, f.Length);
                var bid = long.Parse(f[1], CultureInfo.InvariantCulture);
                var ask = long.Parse(f[3], CultureInfo.InvariantCulture);
                if (bid == 0 || ask == 0)
                {
                    absentSides++;
                    Assert.True(bid > 0 || ask > 0, "at most one side is absent");
                    Assert.True((bid == 0) == (f[2] == "0") && (ask == 0) == (f[4] == "0"), "an absent side is 0,0");
                }
                else
                {
                    Assert.True(bid < ask, frame.Text);
                }
            }

            suspicious += f[^1] == "1" ? 1 : 0;
        }

        output.WriteLine($"{frames.Count} frames, {trades} trades, {suspicious} suspicious, {absentSides} one-sided quotes");
        Assert.InRange(trades, 100_000, 140_000); // ~20,000 per symbol and day: 2 symbols, 3 weekdays
        Assert.InRange(suspicious, 1, frames.Count / 500);
        Assert.InRange(absentSides, 1, frames.Count / 5);
    }

    [Fact]
    public void Generate_MinuteBars_RoundTripThroughTheReaderWithValidBars()
    {
        using var temp = new TempDirectory();
        new LeanDataGenerator(Options(seed: 9, ticksPerDay: 10)).Generate(temp.Path);
        var source = new LeanDataSource(temp.Path, ["SPY", "BAC"], s_friday, s_tuesday, LeanResolution.Minute);

        var (registry, frames) = FrameCapture.Collect(source);

        Assert.Equal(12, registry.Count);
        Assert.Equal(source.Statistics.LinesPublished, frames.Count);
        Assert.InRange(frames.Count(f => registry[f.Source].Format == FrameFormat.LeanQuoteBar), 6 * 390, 6 * 390);
        Assert.InRange(frames.Count(f => registry[f.Source].Format == FrameFormat.LeanTradeBar), 6 * 350, 6 * 390);
        foreach (var frame in frames)
        {
            var f = frame.Text.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(0, (f[0] - LeanDataGenerator.SessionOpenMs) % 60_000);
            if (registry[frame.Source].Format == FrameFormat.LeanTradeBar)
            {
                Assert.Equal(6, f.Length);
                Assert.True(f[3] > 0 && f[3] <= Math.Min(f[1], f[4]) && f[2] >= Math.Max(f[1], f[4]), frame.Text);
            }
            else
            {
                Assert.Equal(11, f.Length);
                Assert.True(f[3] > 0 && f[1] < f[6] && f[2] < f[7] && f[3] < f[8] && f[4] < f[9], frame.Text);
            }
        }
    }

    [Fact]
    public void Constructor_BadOptions_ThrowsConfigurationInvalid()
    {
        var ok = Options(seed: 1, ticksPerDay: 10);

        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataGenerator(new() { Symbols = [], From = s_friday, To = s_tuesday })).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataGenerator(new() { Symbols = ["A"], From = s_tuesday, To = s_friday })).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataGenerator(new() { Symbols = ok.Symbols, From = s_friday, To = s_tuesday, TicksPerDay = 0 })).Error.Code);
        Assert.Equal(ErrorCode.ConfigurationInvalid, Assert.Throws<EngineException>(() => new LeanDataGenerator(new() { Symbols = ok.Symbols, From = s_friday, To = s_tuesday, Resolutions = [] })).Error.Code);
    }

    private static LeanGeneratorOptions Options(ulong seed, int ticksPerDay) => new()
    {
        Symbols = ["spy", "BAC"],
        From = s_friday,
        To = s_tuesday,
        Seed = seed,
        TicksPerDay = ticksPerDay,
    };

    private static string ReadCsv(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(Assert.Single(zip.Entries).Open(), Encoding.ASCII);
        return reader.ReadToEnd();
    }
}
