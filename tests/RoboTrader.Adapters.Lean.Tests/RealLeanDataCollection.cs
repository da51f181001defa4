namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>The real-data tests run alone: their throughput figure means little while other tests share the cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealLeanDataCollection
{
    public const string Name = "Real LEAN data";
}
