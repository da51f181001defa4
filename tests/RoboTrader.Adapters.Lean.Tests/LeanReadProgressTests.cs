using System.Globalization;
using System.Text;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Ring;
using RoboTrader.TestSupport;

namespace RoboTrader.Adapters.Lean.Tests;

public sealed class LeanReadProgressTests
{
    private static readonly DateOnly s_monday = new(2013, 10, 7);

    [Fact]
    public void Run_CountsCompressedBytes_FromZeroToExactlyTheFilesSizes_SeenGrowingFromAnotherThread()
    {
        using var temp = new TempDirectory();
        var root = LeanFixture.CreateRoot(temp);
        var random = new Random(11);
        var paths = new List<string>();
        foreach (var ticker in (string[])["AIG", "BAC"])
        {
            var csv = new StringBuilder();
            for (var i = 0; i < 30_000; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{34_200_000 + i},{random.Next(100_000, 999_999)},{random.Next(1, 5000)},P,0,0\n");
            }

            paths.Add(LeanFixture.Trades(root, ticker, s_monday, csv.ToString()));
        }

        var source = new LeanDataSource(root, ["AIG", "BAC"], s_monday, s_monday, LeanResolution.Tick);
        var registry = new SourceRegistry();
        source.RegisterSources(registry);
        var total = paths.Sum(p => new FileInfo(p).Length);
        Assert.Equal(total, source.Progress.TotalBytes);
        Assert.Equal(0, source.Progress.BytesRead);

        var observer = FrameCapture.Run(source, registry, new ProgressObserver(source.Progress), ringSize: 64);

        Assert.Equal(total, source.Progress.BytesRead);
        Assert.Equal(1.0, source.Progress.Fraction);
        Assert.Equal(60_000, observer.Seen.Count);
        Assert.True(observer.Seen.Zip(observer.Seen.Skip(1)).All(p => p.First <= p.Second), "the counter never goes back");
        Assert.True(observer.Seen[0] < total, "the first frame is seen before the files are read to the end");
        Assert.True(observer.Seen.Distinct().Count() > 3, $"progress moved mid-run: {string.Join(',', observer.Seen.Distinct())}");
    }

    private sealed class ProgressObserver(LeanReadProgress progress) : IEventHandler<PipelineSlot>
    {
        public List<long> Seen { get; } = [];

        public void OnEvent(ref PipelineSlot data, long sequence, bool endOfBatch) => Seen.Add(progress.BytesRead);

        public void OnStart()
        {
        }

        public void OnShutdown()
        {
        }
    }
}
