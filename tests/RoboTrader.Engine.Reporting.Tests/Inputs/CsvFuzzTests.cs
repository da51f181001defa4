using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Reporting.Inputs;
using RoboTrader.Engine.Reporting.Tests.Support;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Reporting.Tests.Inputs;

/// <summary>Mutated and truncated input files either read or fail with the one clear error kind: never another exception, never a silent skip.</summary>
public sealed class CsvFuzzTests
{
    [Theory]
    [InlineData("trades.csv", 1)]
    [InlineData("equity.csv", 2)]
    [InlineData("breaches.csv", 3)]
    public void Read_MutatedFiles_ReadOrFailNamingTheFileAndLine(string file, int seed)
    {
        using var dir = new TempDirectory("report-fuzz");
        ReportFixture.WriteLong(dir.Path, days: 1);
        var original = File.ReadAllBytes(dir.Combine(file));
        var rows = Encoding.UTF8.GetString(original).Count(c => c == '\n') - 1;
        var random = new Random(seed);
        var failures = 0;
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            var length = bytes.Length;
            switch (round % 3)
            {
                case 0: // flip a few bytes, to anything (invalid UTF-8 included)
                    for (var k = random.Next(1, 4); k > 0; k--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1: // truncate anywhere
                    length = random.Next(bytes.Length);
                    break;
                default: // a structural character in a random place
                    bytes[random.Next(bytes.Length)] = (byte)",\"\n\r-."[random.Next(6)];
                    break;
            }

            File.WriteAllBytes(dir.Combine(file), bytes[..length]);
            try
            {
                var inputs = ReportInputs.Read(dir.Path);
                var read = file switch { "trades.csv" => inputs.Trades.Count, "equity.csv" => inputs.Equity.Count, _ => inputs.Breaches.Count };
                Assert.True(read <= rows + 1, $"round {round}: {read} rows from a file of {rows}");
            }
            catch (EngineException ex)
            {
                failures++;
                Assert.Equal(ErrorCode.PersistenceCorrupt, ex.Error.Code);
                Assert.StartsWith(file + " ", ex.Message, StringComparison.Ordinal);
                Assert.Contains("line ", ex.Message, StringComparison.Ordinal);
            }
        }

        Assert.True(failures > 50, $"only {failures} of 300 mutations were refused");
    }
}
