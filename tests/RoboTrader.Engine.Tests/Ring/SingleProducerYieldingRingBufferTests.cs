using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>The ring contract with the single-producer sequencer and the yielding wait strategy.</summary>
[Collection(RingTestCollection.Name)]
public sealed class SingleProducerYieldingRingBufferTests : RingBufferContractTests
{
    protected override bool IsMultiProducer => false;

    protected override IWaitStrategy CreateWaitStrategy() => new YieldingWaitStrategy();
}
