using RoboTrader.Engine.Ring;
using RoboTrader.Engine.Ring.WaitStrategies;

namespace RoboTrader.Engine.Pipeline;

/// <summary>The consumer wait strategies by name.</summary>
public enum WaitStrategyKind : byte
{
    /// <summary><see cref="BusySpinWaitStrategy"/>.</summary>
    BusySpin = 0,

    /// <summary><see cref="YieldingWaitStrategy"/>.</summary>
    Yielding = 1,

    /// <summary><see cref="SleepingWaitStrategy"/>.</summary>
    Sleeping = 2,

    /// <summary><see cref="BlockingWaitStrategy"/>.</summary>
    Blocking = 3,
}

/// <summary>Creates wait strategies.</summary>
public static class WaitStrategies
{
    /// <summary>A new strategy of <paramref name="kind"/>.</summary>
    public static IWaitStrategy Create(WaitStrategyKind kind) => kind switch
    {
        WaitStrategyKind.BusySpin => new BusySpinWaitStrategy(),
        WaitStrategyKind.Yielding => new YieldingWaitStrategy(),
        WaitStrategyKind.Sleeping => new SleepingWaitStrategy(),
        WaitStrategyKind.Blocking => new BlockingWaitStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown wait strategy"),
    };
}
