namespace RoboTrader.Engine.Tests.Pipeline;

/// <summary>
/// Tests that measure <see cref="GC.GetTotalAllocatedBytes(bool)"/>, a process-wide counter: they run alone, after
/// the parallel tests, so that allocations of tests running beside them (e.g. the durability tests' stores and
/// journals) are not counted against the pipeline.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    public const string Name = "Allocation measurement (runs alone)";
}
