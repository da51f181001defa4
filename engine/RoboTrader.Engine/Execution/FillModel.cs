namespace RoboTrader.Engine.Execution;

/// <summary>How the simulated exchange fills orders (<c>--fill-model</c>).</summary>
public enum FillModel : byte
{
    /// <summary>
    /// At the first non-suspicious trade print of the symbol strictly after the submitting event (a trade bar counts
    /// as a print at its open), in full; a limit only on a print at its limit or better.
    /// </summary>
    NextTick = 0,

    /// <summary>
    /// On quotes: buys at the ask, sells at the bid, at most the quoted size per quote (the rest on later quotes); a
    /// limit buy only while ask ≤ limit, a limit sell only while bid ≥ limit. Stops trigger on trade prints.
    /// </summary>
    Quote = 1,

    /// <summary>
    /// On minute trade bars: market orders at the bar's open; limits and stops when the bar's range crosses them;
    /// when both legs of an OCO pair could fill in one bar, the stop is assumed to have filled.
    /// </summary>
    Bar = 2,
}
