namespace RoboTrader.Engine.Strategies;

/// <summary>The strategies a run can use.</summary>
public enum StrategyKind : byte
{
    /// <summary>Moving-average crossover (<see cref="SmaCrossStrategy"/>).</summary>
    SmaCross = 0,

    /// <summary>Follows the latest fresh signal (<see cref="SignalFollowStrategy"/>).</summary>
    SignalFollow = 1,
}
