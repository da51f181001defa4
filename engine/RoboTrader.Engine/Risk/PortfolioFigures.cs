namespace RoboTrader.Engine.Risk;

/// <summary>The portfolio as of one event (raw money), the event's symbol re-marked at its last trade.</summary>
internal struct PortfolioFigures
{
    /// <summary>Cash + every position at its mark.</summary>
    public Int128 Equity;

    /// <summary>Σ |position × mark|.</summary>
    public Int128 Gross;

    /// <summary>Σ position × mark.</summary>
    public Int128 Net;

    /// <summary>The event symbol's position × its last trade.</summary>
    public Int128 Own;
}
