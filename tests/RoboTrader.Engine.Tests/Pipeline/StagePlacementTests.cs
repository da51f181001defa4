using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Tests.Pipeline;

public sealed class StagePlacementTests
{
    [Theory]
    [InlineData("parse,risk,decide,execute,persist", 1)]
    [InlineData("parse|risk,decide,execute,persist", 2)]
    [InlineData("parse|risk,decide,execute|persist", 3)]
    [InlineData("parse,risk,decide,execute|persist", 2)]
    public void Parse_ValidPlacements_GroupCount(string text, int groups)
    {
        var placement = StagePlacement.Parse(text);
        Assert.Equal(groups, placement.Groups.Length);
        Assert.Equal(text, placement.ToString());
    }

    [Theory]
    [InlineData("parse,risk,decide,execute", "every stage")]
    [InlineData("parse,risk,risk,decide,execute,persist", "twice")]
    [InlineData("risk,parse,decide,execute,persist", "pipeline order")]
    [InlineData("parse,risk|decide,execute,persist", "fused")]
    [InlineData("parse,risk,decide,execute,persist,journal", "'journal' is not a stage")]
    [InlineData("parse,1,decide,execute,persist", "'1' is not a stage")]
    public void Parse_InvalidPlacement_ExplainsWhy(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => StagePlacement.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
