using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>The ring contract with the multi-producer sequencer and the blocking wait strategy.</summary>
[Collection(RingTestCollection.Name)]
public sealed class MultiProducerBlockingRingBufferTests : RingBufferContractTests
{
    protected override bool IsMultiProducer => true;

    protected override IWaitStrategy CreateWaitStrategy() => new BlockingWaitStrategy();
}
