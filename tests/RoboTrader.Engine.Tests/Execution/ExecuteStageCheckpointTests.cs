using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using static RoboTrader.Engine.Tests.Execution.Intents;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>WriteState/ReadState keep every piece of execute's state: a restored stage continues exactly like the original.</summary>
public sealed class ExecuteStageCheckpointTests
{
    public static TheoryData<FillModel> Models => [FillModel.NextTick, FillModel.Quote, FillModel.Bar];

    private static ExecutionOptions Options(FillModel model) => new(new BasisPoints(FixedPoint.Scale))
    {
        FillModel = model,
        LatencyMilliseconds = 5,
        SlippageTicks = 1,
    };

    /// <summary>Working orders of every kind: a partly filled bracket entry with its exits, an armed stop, a DAY limit, an OCO pair.</summary>
    private static void Before(ExchangeHarness x)
    {
        x.Quote(0, "10", 100, "10.01", 100, Bracket(Market(Side.Buy, 300), "10.60", "9.40"));
        x.Bar(1_000, "10", "10.1", "9.9", "10.05", Stop(Side.Buy, 50, "10.20"));
        x.Trade(2_000, "10.02", Limit(Side.Buy, 70, "9.80", TimeInForce.Day));
        x.Quote(3_000, "10", 60, "10.01", 60, Limit(Side.Sell, 40, "10.90"));
        x.Trade(4_000, "10.25", Stop(Side.Sell, 40, "9.10") with { OcoWith = new ClientOrderId(6) });
        x.Bar(5_000, "10.2", "10.3", "10.1", "10.2");
        x.Quote(6_000, "10.2", 80, "10.21", 80);
    }

    private static void After(ExchangeHarness x)
    {
        x.Trade(7_000, "10.3");
        x.Quote(8_000, "10.3", 500, "10.31", 500);
        x.Bar(9_000, "10.3", "10.95", "9.0", "9.5");
        x.Trade(10_000, "9.05");
        x.Quote(11_000, "9.0", 500, "9.01", 500, Limit(Side.Buy, 10, "9.01", TimeInForce.Ioc));
        x.Bar(12_000, "9", "9.1", "8.9", "9");
        x.Trade(6L * 3600 * 1000 + 1_800_000, "9.5");   // 16:00 New York: the DAY order expires
        x.End();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RestoredStage_ContinuesExactlyLikeTheOriginal(FillModel model)
    {
        var original = new ExchangeHarness(Options(model));
        Before(original);
        var state = original.Save();
        Assert.True(original.Portfolio.Book(default).WorkingCount >= 2, "the checkpoint should hold working orders");

        var restored = new ExchangeHarness(Options(model));
        restored.Load(state, original.Sequence);
        var fillsBefore = original.Fills.Count;
        var eventsBefore = original.Events.Count;
        var samplesBefore = original.Samples.Count;
        After(original);
        After(restored);

        Assert.Equal(original.Fills.Skip(fillsBefore), restored.Fills);
        Assert.Equal(original.Events.Skip(eventsBefore), restored.Events);
        Assert.Equal(original.Samples.Skip(samplesBefore), restored.Samples);
        Assert.Equal(original.Save(), restored.Save());
        Assert.Equal(
            (original.Stage.Orders, original.Stage.Fills, original.Stage.Cancelled, original.Stage.Expired, original.Stage.Rejected),
            (restored.Stage.Orders, restored.Stage.Fills, restored.Stage.Cancelled, restored.Stage.Expired, restored.Stage.Rejected));
        Assert.True(original.Events.Skip(eventsBefore).Any(), "the continuation should record transitions");
    }
}
