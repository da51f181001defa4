namespace RoboTrader.Engine.Strategies;

/// <summary>The strategies a run can use.</summary>
public enum StrategyKind : byte
{
    /// <summary>Moving-average crossover (<see cref="SmaCrossStrategy"/>).</summary>
    SmaCross = 0,

    /// <summary>Follows the latest fresh signal (<see cref="SignalFollowStrategy"/>).</summary>
    SignalFollow = 1,

    /// <summary>Z-score mean reversion with limit orders (<see cref="MeanReversionStrategy"/>).</summary>
    MeanReversion = 2,

    /// <summary>N-bar breakout on minute bars with bracket orders (<see cref="BreakoutStrategy"/>).</summary>
    Breakout = 3,
}
