using System.Numerics;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Pipeline;

/// <summary>How the pipeline is deployed: ring size, consumer wait strategy, stage placement on threads.</summary>
/// <param name="RingSize">Slots in the ring (a power of two).</param>
/// <param name="Wait">How consumer threads wait.</param>
/// <param name="Placement">Which stages share a thread.</param>
/// <param name="PublishBatch">Frames ingest writes before publishing the cursor (1 = each at once, for live feeds).</param>
/// <param name="PinThreads">Pin the producer thread to CPU 0 and each stage thread to a CPU of its own (Linux).</param>
/// <param name="GroupWaits">
/// One wait strategy per placement group, overriding <paramref name="Wait"/> (null: every group uses it). For
/// latency, the trading group busy-spins while a separate persist group sleeps, so file writes never hold up an order
/// and the persist thread takes little of the core it shares.
/// </param>
public sealed record PipelineOptions(int RingSize, WaitStrategyKind Wait, StagePlacement Placement, int PublishBatch = 1, bool PinThreads = false, IReadOnlyList<WaitStrategyKind>? GroupWaits = null)
{
    /// <summary>The wait strategy of placement group <paramref name="group"/>.</summary>
    public WaitStrategyKind WaitOf(int group) => GroupWaits is { } waits ? waits[group] : Wait;

    /// <summary>For replay: 8Ki slots, yielding wait (two busy threads on two cores), every stage fused on one thread, 64-frame publish batches.</summary>
    /// <remarks>
    /// 8Ki slots (about 3 MB) stay in the last-level cache with room to spare: the producer runs a full ring ahead when
    /// the stages are the bottleneck, so with 64Ki slots (26 MB) every slot line came back from memory and the full
    /// real-data backtest ran at 5.0 M events/s against 6.4–7.3 M with 1Ki–16Ki slots (best of 5, perf/RESULTS.md).
    /// </remarks>
    public static PipelineOptions Default { get; } = new(1 << 13, WaitStrategyKind.Yielding, StagePlacement.Default, 64);

    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (RingSize < 2 || RingSize > (1 << 24) || !BitOperations.IsPow2(RingSize))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--ring-size must be a power of two between 2 and 16777216 (got {RingSize})");
        }

        if (!Enum.IsDefined(Wait))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--wait '{Wait}' is not a wait strategy");
        }

        if (PublishBatch < 1 || PublishBatch > Math.Min(1024, RingSize))
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--publish-batch must be between 1 and min(1024, ring size) (got {PublishBatch})");
        }

        ArgumentNullException.ThrowIfNull(Placement);
        if (GroupWaits is { } waits)
        {
            if (waits.Count != Placement.Groups.Length)
            {
                throw new EngineException(ErrorCode.ConfigurationInvalid, $"--wait gives {waits.Count} strategies for {Placement.Groups.Length} placement groups ('{Placement}'): give one, or one per group separated by '|'");
            }

            foreach (var kind in waits)
            {
                if (!Enum.IsDefined(kind))
                {
                    throw new EngineException(ErrorCode.ConfigurationInvalid, $"--wait '{kind}' is not a wait strategy");
                }
            }
        }
    }
}
