using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Pipeline;

public sealed class StagePlacementTests
{
    [Theory]
    [InlineData("parse,risk,decide,execute,persist", 1)]
    [InlineData("parse|risk,decide,execute,persist", 2)]
    [InlineData("parse|risk,decide,execute|persist", 3)]
    [InlineData("parse,risk,decide,execute|persist", 2)]
    [InlineData("ingest,parse|risk,decide,execute,persist", 1)]
    [InlineData("ingest,parse|risk,decide,execute|persist", 2)]
    [InlineData("ingest,parse,risk,decide,execute|persist", 1)]
    public void Parse_ValidPlacements_GroupCount(string text, int groups)
    {
        var placement = StagePlacement.Parse(text);
        Assert.Equal(groups, placement.Groups.Length);
        Assert.Equal(text, placement.ToString());
    }

    [Fact]
    public void Parse_IngestFirst_PutsTheFollowingStagesOnTheProducerThread()
    {
        var placement = StagePlacement.Parse("Ingest, parse | risk,decide,execute,persist");

        Assert.Equal([StageKind.Parse], placement.ProducerStages.ToArray());
        Assert.Equal([StageKind.Risk, StageKind.Decide, StageKind.Execute, StageKind.Persist], placement.Groups.Single().ToArray());
        Assert.Equal(-1, placement.GroupOf(StageKind.Parse));
        Assert.Equal(0, placement.GroupOf(StageKind.Persist));
        Assert.Equal("ingest,parse|risk,decide,execute,persist", placement.ToString());
    }

    [Fact]
    public void Default_ParsesOnTheProducerThreadAndFusesTheRest()
    {
        Assert.Equal("ingest,parse|risk,decide,execute,persist", StagePlacement.Default.ToString());
    }

    [Theory]
    [InlineData("parse,risk,decide,execute", "every stage")]
    [InlineData("parse,risk,risk,decide,execute,persist", "twice")]
    [InlineData("risk,parse,decide,execute,persist", "pipeline order")]
    [InlineData("parse,risk|decide,execute,persist", "fused")]
    [InlineData("parse,risk,decide,execute,persist,journal", "'journal' is not a stage")]
    [InlineData("parse,1,decide,execute,persist", "'1' is not a stage")]
    [InlineData("parse|ingest,risk,decide,execute,persist", "'ingest' may only start the first group")]
    [InlineData("parse,ingest|risk,decide,execute,persist", "'ingest' may only start the first group")]
    [InlineData("ingest|parse,risk,decide,execute,persist", "'ingest' names no stage")]
    [InlineData("ingest,parse,risk,decide,execute,persist", "persist cannot run on the producer thread")]
    [InlineData("ingest,parse,risk|decide,execute,persist", "fused")]
    public void Parse_InvalidPlacement_ExplainsWhy(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => StagePlacement.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
