using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Tests.Ring;

/// <summary>The ring contract with the single-producer sequencer and the sleeping wait strategy.</summary>
[Collection(RingTestCollection.Name)]
public sealed class SingleProducerSleepingRingBufferTests : RingBufferContractTests
{
    protected override bool IsMultiProducer => false;

    // A sleeping consumer of an eight-slot ring naps on most laps: fewer events keep the suite fast.
    protected override int EventCount => 20_000;

    protected override int WrapAroundEventCount => 100_000;

    protected override IWaitStrategy CreateWaitStrategy() => new SleepingWaitStrategy();
}
