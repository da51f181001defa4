using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>The ring contract with the single-producer sequencer and the busy-spin wait strategy.</summary>
[Collection(RingTestCollection.Name)]
public sealed class SingleProducerBusySpinRingBufferTests : RingBufferContractTests
{
    protected override bool IsMultiProducer => false;

    // Busy-spinning consumers never give their core back: on two cores the diamond's four threads progress only at
    // the scheduler's time slices, so fewer events keep the suite fast.
    protected override int EventCount => 20_000;

    protected override IWaitStrategy CreateWaitStrategy() => new BusySpinWaitStrategy();
}
