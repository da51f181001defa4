namespace RoboTrader.Engine.Tests.Pipeline;

/// <summary>
/// The allocation budget reads the process-wide allocation counter, so it runs alone: another test class allocating
/// in parallel would be charged to the pipeline.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationBudgetCollection
{
    public const string Name = "AllocationBudget";
}
