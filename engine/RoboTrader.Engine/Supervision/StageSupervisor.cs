using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Supervision;

/// <summary>
/// Watches one stage: counts its faults and applies its <see cref="FaultPolicy"/> when it throws. Holds no business
/// logic: it records, neutralizes the event for later stages, and may engage the kill switch.
/// </summary>
/// <remarks><see cref="OnFault"/> runs on the stage's thread; the counters may be read from any thread.</remarks>
public sealed class StageSupervisor
{
    private readonly KillSwitch _killSwitch;
    private long _faults;
    private volatile Exception? _lastFault;

    /// <summary>Creates the supervisor of <paramref name="stage"/>.</summary>
    public StageSupervisor(IStage stage, FaultPolicy policy, KillSwitch killSwitch)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(killSwitch);
        Stage = stage;
        Policy = policy;
        _killSwitch = killSwitch;
    }

    /// <summary>The stage watched.</summary>
    public IStage Stage { get; }

    /// <summary>The stage's fault policy.</summary>
    public FaultPolicy Policy { get; }

    /// <summary>Faults so far.</summary>
    public long Faults => Volatile.Read(ref _faults);

    /// <summary>Restores the fault count from a checkpoint (before the stage's thread starts).</summary>
    public void RestoreFaults(long faults) => Volatile.Write(ref _faults, faults);

    /// <summary>The most recent fault.</summary>
    public Exception? LastFault => _lastFault;

    /// <summary>The stage threw <paramref name="exception"/> on <paramref name="slot"/>: record it and apply the policy.</summary>
    public void OnFault(Exception exception, PipelineSlot slot, long sequence)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(slot);
        Interlocked.Increment(ref _faults);
        _lastFault = exception;
        var halt = Policy == FaultPolicy.HaltTrading;
        slot.Fault = halt ? ErrorCode.SystemTradingHalted : ErrorCode.SystemStageFault;
        slot.FaultDetail = $"{Stage.Kind.ToString().ToLowerInvariant()} threw {exception.GetType().Name}: {exception.Message}";

        // Later stages see no market event and no intent: the event is skipped, not half-applied.
        slot.Market.Kind = MarketEventKind.None;
        slot.Intent = default;
        if (halt)
        {
            _killSwitch.Engage($"stage {Stage.Kind} faulted at sequence {sequence}: {exception.GetType().Name}");
        }
    }
}
