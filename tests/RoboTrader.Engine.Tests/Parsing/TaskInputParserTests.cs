using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Tests.Support;

namespace RoboTrader.Engine.Tests.Parsing;

/// <summary>Signals and operator commands: three levels for signals, strict only for commands.</summary>
public sealed class TaskInputParserTests
{
    private readonly ParseChain _chain = new(FrameFormat.TaskInputs, "SBIN", "INFY");

    private SymbolId Sbin => _chain.Symbols.TryGet("SBIN", out var id) ? id : SymbolId.None;

    [Fact]
    public void Parse_StrictSignal_StrictLevel()
    {
        var slot = _chain.Parse("""{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(SignalDirection.Buy, slot.Signal.Direction);
        Assert.Equal(Sbin, slot.Signal.Symbol);
        Assert.Equal(7200, slot.Signal.ConfidenceBps);
        Assert.Equal(86_400, slot.Signal.HorizonSeconds);
        Assert.Equal(SignalOrigin.News, slot.Signal.Origin);
        Assert.False(slot.Signal.IsPartial);
        Assert.Equal(MarketEventKind.None, slot.Market.Kind);
        Assert.Equal(1, _chain.Stage.Signals);
    }

    [Theory]
    [InlineData("""The model says: {'symbol': 'SBIN', 'action': 'buy', 'confidence': 0.72, 'horizon': '1d', 'source': 'news'} -- end""")]
    [InlineData("""{"Ticker":"sbin","Sentiment":"Bullish","Score":"72%","Timeframe":"1 day","Provider":"news"}""")]
    [InlineData("""{"stock":"SBIN","side":"LONG","probability":72,}""")]
    public void Parse_TolerableSignal_LenientLevel(string frame)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Lenient, slot.ParseLevel);
        Assert.Equal(SignalDirection.Buy, slot.Signal.Direction);
        Assert.Equal(Sbin, slot.Signal.Symbol);
        Assert.Equal(7200, slot.Signal.ConfidenceBps);
    }

    [Theory]
    [InlineData("SBIN: bullish, confidence 72%", SignalDirection.Buy, 7200)]
    [InlineData("Analysts turn bearish on sbin after results", SignalDirection.Sell, 0)]
    [InlineData("INFY - neutral (confidence 0.5)", SignalDirection.Hold, 5000)]
    public void Parse_PlainText_BasicPartialSignal(string frame, SignalDirection direction, int bps)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Basic, slot.ParseLevel);
        Assert.Equal(direction, slot.Signal.Direction);
        Assert.Equal(bps, slot.Signal.ConfidenceBps);
        Assert.True(slot.Signal.IsPartial);
    }

    [Theory]
    [InlineData("""{"command":"halt"}""", CommandKind.Halt)]
    [InlineData("""{"command":"resume"}""", CommandKind.Resume)]
    [InlineData("""{"command":"reduce"}""", CommandKind.Reduce)]
    [InlineData("""{"command":"set_limit","limit":"max_position","symbol":"SBIN","value":"1000"}""", CommandKind.SetLimit)]
    public void Parse_StrictCommand_Accepted(string frame, CommandKind kind)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(kind, slot.Command.Kind);
        Assert.False(slot.Signal.IsPresent);
        Assert.Equal(1, _chain.Stage.Commands);
    }

    [Fact]
    public void Parse_SetLimit_ValueAndSymbol()
    {
        var slot = _chain.Parse("""{"command":"set_limit","limit":"max_position","symbol":"SBIN","value":"1000"}""");

        Assert.Equal(CommandLimit.MaxPosition, slot.Command.Limit);
        Assert.Equal(Sbin, slot.Command.Symbol);
        Assert.Equal(1000L * 100_000_000, slot.Command.Value);
    }

    [Theory]
    [InlineData("max_position_notional", CommandLimit.MaxPositionNotional)]
    [InlineData("max_order_notional", CommandLimit.MaxOrderNotional)]
    [InlineData("max_gross_exposure", CommandLimit.MaxGrossExposure)]
    [InlineData("max_net_exposure", CommandLimit.MaxNetExposure)]
    [InlineData("daily_loss_limit", CommandLimit.DailyLossLimit)]
    [InlineData("max_drawdown_percent", CommandLimit.MaxDrawdownPercent)]
    public void Parse_SetLimit_RiskLimits(string name, CommandLimit limit)
    {
        var slot = _chain.Parse($$"""{"command":"set_limit","limit":"{{name}}","value":"2500.5"}""");

        Assert.Equal(ParseLevel.Strict, slot.ParseLevel);
        Assert.Equal(limit, slot.Command.Limit);
        Assert.Equal(250_050_000_000L, slot.Command.Value);
    }

    [Theory]
    [InlineData("""{"Command":"HALT"}""")]
    [InlineData("""please {'command':'halt'}""")]
    [InlineData("""{"symbol":"SBIN","action":"halt"}""")]
    [InlineData("halt trading on SBIN now")]
    [InlineData("""{"command":"set_limit","limit":"max_position","value":"1e3"}""")]
    public void Parse_CommandNotStrict_DeadLetteredNeverGuessed(string frame)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.None, slot.ParseLevel);
        Assert.False(slot.Command.IsPresent);
        Assert.False(slot.Signal.IsPresent);
        Assert.Equal(ErrorCode.ParseCommandNotStrict, slot.BasicError);
    }

    [Theory]
    [InlineData("""{"symbol":"TCS","action":"buy","confidence":0.72,"horizon":"1d","source":"news"}""", ErrorCode.ParseUnknownSymbol)]
    [InlineData("the market is up today", ErrorCode.ParseUnknownSymbol)]
    [InlineData("SBIN results on Friday", ErrorCode.ParseMissingField)]
    public void Parse_NoSignal_DeadLettered(string frame, ErrorCode basic)
    {
        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.None, slot.ParseLevel);
        Assert.Equal(basic, slot.BasicError);
    }

    [Theory]
    [InlineData("""{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1d"}""", ErrorCode.ParseMissingField)]
    [InlineData("""{"symbol":"SBIN","action":"buy","confidence":"0.72","horizon":"1d","source":"news"}""", ErrorCode.ParseBadSyntax)]
    [InlineData("""{"symbol":"SBIN","action":"buy","confidence":1.5,"horizon":"1d","source":"news"}""", ErrorCode.ParseOutOfRange)]
    [InlineData("""{"symbol":"SBIN","action":"buy","confidence":0.72,"horizon":"1 day","source":"news"}""", ErrorCode.ParseOutOfRange)]
    [InlineData("""{"symbol":"SBIN","action":"bullish","confidence":0.72,"horizon":"1d","source":"news"}""", ErrorCode.ParseUnknownType)]
    [InlineData("""{"command":"halt","value":"1"}""", ErrorCode.ParseUnexpectedField)]
    [InlineData("""{"command":"reduce","limit":"max_position"}""", ErrorCode.ParseUnexpectedField)]
    [InlineData("""{"command":"reboot"}""", ErrorCode.ParseUnknownType)]
    public void ParseStrict_OffSchema_Error(string frame, ErrorCode expected)
    {
        var slot = _chain.Parse(frame);

        Assert.NotEqual(ParseLevel.Strict, slot.ParseLevel);
        if (slot.ParseLevel == ParseLevel.None)
        {
            Assert.Equal(expected, slot.ParseError);
        }
        else
        {
            var signal = default(Signal);
            var command = default(Command);
            var context = new ParseContext(new SourceDescriptor(new SymbolId(0), FrameFormat.TaskInputs, default, "UTC", 4, "t", _chain.Symbols));
            Assert.Equal(expected, TaskInputParser.Parse(ParseLevel.Strict, System.Text.Encoding.UTF8.GetBytes(frame), context, ref signal, ref command));
        }
    }

    [Fact]
    public void Parse_HugeFrameOfPunctuation_DeadLetteredWithoutExhaustingTheStack()
    {
        var frame = string.Concat(Enumerable.Repeat(". ", 400_000));

        var slot = _chain.Parse(frame);

        Assert.Equal(ParseLevel.None, slot.ParseLevel);
    }
}
