namespace RoboTrader.Engine.Tests.Ring;

/// <summary>
/// The ring tests run their consumer and producer threads one test class at a time: on a two-core machine, several
/// spinning configurations at once would only measure the scheduler.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RingTestCollection
{
    public const string Name = "Ring";
}
