using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Tests.Risk;

public sealed class EnvelopeCheckTests
{
    private static RiskEnvelope Envelope(long maxBuy = 1_000, long maxSell = 1_000, bool halted = false) => new()
    {
        State = halted ? TradingState.Halted : TradingState.Active,
        MaxBuy = Quantity.FromUnits(maxBuy),
        MaxSell = Quantity.FromUnits(maxSell),
        Reference = Price.FromUnits(100),
        BandLow = Price.FromUnits(90),
        BandHigh = Price.FromUnits(110),
    };

    private static OrderIntent Buy(long qty, long price = 100, OrderType type = OrderType.Market) => new()
    {
        Symbol = new SymbolId(0),
        Side = Side.Buy,
        Type = type,
        Quantity = Quantity.FromUnits(qty),
        LimitPrice = type == OrderType.Limit ? Price.FromUnits(price) : default,
        ReferencePrice = Price.FromUnits(price),
    };

    [Fact]
    public void Apply_WithinEnvelope_PassesUnchanged()
    {
        var intent = Buy(100);
        Assert.Equal(ErrorCode.None, EnvelopeCheck.Apply(ref intent, Envelope()));
        Assert.Equal(Quantity.FromUnits(100), intent.Quantity);
    }

    [Fact]
    public void Apply_KillSwitch_Refuses()
    {
        var intent = Buy(100);
        Assert.Equal(ErrorCode.RiskKillSwitch, EnvelopeCheck.Apply(ref intent, Envelope(halted: true)));
        Assert.False(intent.IsPresent);
    }

    [Theory]
    [InlineData(110, ErrorCode.None)]
    [InlineData(111, ErrorCode.RiskPriceBand)]
    [InlineData(90, ErrorCode.None)]
    [InlineData(89, ErrorCode.RiskPriceBand)]
    public void Apply_LimitPriceAtAndBeyondBand(long limit, ErrorCode expected)
    {
        var intent = Buy(1, limit, OrderType.Limit);
        Assert.Equal(expected, EnvelopeCheck.Apply(ref intent, Envelope()));
        Assert.Equal(expected == ErrorCode.None, intent.IsPresent);
    }

    [Fact]
    public void Apply_BeyondPositionLimit_ClampsToCapacity()
    {
        var intent = Buy(300);
        Assert.Equal(ErrorCode.RiskMaxPosition, EnvelopeCheck.Apply(ref intent, Envelope(maxBuy: 200)));
        Assert.Equal(Quantity.FromUnits(200), intent.Quantity);
    }

    [Fact]
    public void Apply_NoCapacityLeft_Refuses()
    {
        var intent = Buy(1);
        Assert.Equal(ErrorCode.RiskMaxPosition, EnvelopeCheck.Apply(ref intent, Envelope(maxBuy: 0)));
        Assert.False(intent.IsPresent);
    }

    [Fact]
    public void Apply_NoReferencePrice_Refuses()
    {
        var intent = Buy(1);
        var envelope = Envelope();
        envelope.Reference = default;
        Assert.Equal(ErrorCode.RiskNoReferencePrice, EnvelopeCheck.Apply(ref intent, envelope));
    }
}
