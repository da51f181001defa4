using RoboTrader.Engine.Ring;

namespace RoboTrader.Engine.Tests.Ring;

public sealed class SlotPrefetchTests
{
    [Theory]
    [InlineData(0, 64, false)]
    [InlineData(2, 0, false)]
    [InlineData(2, 64, true)]
    [InlineData(SlotPrefetch.MaxDistance, SlotPrefetch.MaxBytes, true)]
    public void Enabled_OnlyWhenDistanceAndBytesAreBothPositive(int distance, int bytes, bool enabled)
        => Assert.Equal(enabled, new SlotPrefetch(distance, bytes).Enabled);

    [Theory]
    [InlineData(-1, 64, "distance")]
    [InlineData(SlotPrefetch.MaxDistance + 1, 64, "distance")]
    [InlineData(2, -1, "bytes")]
    [InlineData(2, SlotPrefetch.MaxBytes + 1, "bytes")]
    public void Constructor_OutOfRange_NamesTheArgument(int distance, int bytes, string name)
        => Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new SlotPrefetch(distance, bytes)).ParamName);

    [Fact]
    public void Default_IsOff()
        => Assert.False(default(SlotPrefetch).Enabled);

    [Fact]
    public void NonTemporal_KeptAsGiven()
    {
        Assert.True(new SlotPrefetch(2, 64, nonTemporal: true).NonTemporal);
        Assert.False(new SlotPrefetch(2, 64).NonTemporal);
    }

    [Theory]
    [InlineData("AuthenticAMD", true)]
    [InlineData("GenuineIntel", false)]
    [InlineData("", false)]
    [InlineData("HygonGenuine", false)]
    public void NonTemporalPaysOn_OnlyAmd(string vendor, bool pays)
        => Assert.Equal(pays, SlotPrefetch.NonTemporalPaysOn(vendor));

    [Fact]
    public void CpuVendor_OnX86_IsTwelveCpuidCharacters()
    {
        var vendor = SlotPrefetch.CpuVendor();
        if (!System.Runtime.Intrinsics.X86.X86Base.IsSupported)
        {
            Assert.Equal("", vendor);
            return;
        }

        Assert.Equal(12, vendor.Length);
        Assert.Equal(SlotPrefetch.NonTemporalPaysOn(vendor), SlotPrefetch.NonTemporalPays);
    }
}
