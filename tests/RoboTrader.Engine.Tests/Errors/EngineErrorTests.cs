using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Tests.Errors;

public sealed class EngineErrorTests
{
    [Fact]
    public void For_EveryCode_HasACatalogueEntryInItsHundredsCategory()
    {
        foreach (var code in Enum.GetValues<ErrorCode>().Where(c => c != ErrorCode.None))
        {
            var error = EngineError.For(code);

            Assert.Equal(code, error.Code);
            Assert.Equal((int)code / 100, (int)error.Category);
        }
    }

    [Theory]
    [InlineData(ErrorCode.ParseUnknownSymbol, 206)]
    [InlineData(ErrorCode.ParseBadSyntax, 207)]
    [InlineData(ErrorCode.ParseMissingField, 208)]
    [InlineData(ErrorCode.ParseUnknownType, 209)]
    [InlineData(ErrorCode.ParseCommandNotStrict, 210)]
    [InlineData(ErrorCode.ParseLevelUnsupported, 211)]
    [InlineData(ErrorCode.ParseUnexpectedField, 212)]
    [InlineData(ErrorCode.ParseInternalError, 213)]
    public void ErrorCode_ParseCodes_StableNumbers(ErrorCode code, int number)
    {
        Assert.Equal(number, (int)code);
    }
}
